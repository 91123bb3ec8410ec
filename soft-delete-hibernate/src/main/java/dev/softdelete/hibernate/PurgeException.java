package dev.softdelete.hibernate;

import org.hibernate.HibernateException;

import java.util.Objects;

/**
 * A {@link Purger} run stopped on a batch it could not complete. Every batch before it is committed,
 * and {@link #report()} says what they did; the failing batch changed nothing. Fix the cause (the
 * message names it) and run the purge again: it continues where this run stopped.
 *
 * <pre>{@code
 * try {
 *     Purger.of(sessionFactory).run();
 * } catch (PurgeException e) {
 *     log.error("purge stopped at {} batch {}, after {} rows", e.entity().getSimpleName(), e.batch(),
 *             e.report().totalRows(), e);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class PurgeException extends HibernateException {

    private final Class<?> entity;
    private final int batch;
    private final transient PurgeReport report;

    /**
     * Describes a failed run; built by the purger.
     *
     * @param message what failed and what to do
     * @param cause   the failure of the batch
     * @param entity  the entity class whose batch failed
     * @param batch   the number of the failing batch for that entity, from 1
     * @param report  what the run committed before the failing batch
     * @since 0.1.0
     */
    public PurgeException(String message, Throwable cause, Class<?> entity, int batch, PurgeReport report) {
        super(message, cause);
        this.entity = Objects.requireNonNull(entity, "entity");
        this.batch = batch;
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * The entity whose batch failed.
     *
     * @return the entity class
     * @since 0.1.0
     */
    public Class<?> entity() {
        return entity;
    }

    /**
     * The number of the failing batch for {@link #entity()} in this run, from 1.
     *
     * @return the batch number
     * @since 0.1.0
     */
    public int batch() {
        return batch;
    }

    /**
     * What the run committed before it stopped: rows per entity (the failing entity's earlier batches
     * included), batches and time.
     *
     * @return the report of the committed work
     * @since 0.1.0
     */
    public PurgeReport report() {
        return report;
    }
}
