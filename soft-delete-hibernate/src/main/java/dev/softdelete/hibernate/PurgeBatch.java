package dev.softdelete.hibernate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a {@link Purger} run, as a {@link PurgeListener} receives it.
 *
 * @since 0.1.0
 */
public final class PurgeBatch {

    private final Class<?> entity;
    private final int number;
    private final List<Object> ids;
    private final long rows;
    private final Instant cutoff;
    private final boolean anonymized;
    private final boolean dryRun;

    /**
     * Describes a batch; built by the purger.
     *
     * @param entity     the entity class whose rows the batch covers
     * @param number     the batch's number for this entity in this run, from 1
     * @param ids        the ids of the rows concerned
     * @param rows       the number of rows deleted (or anonymised, or counted in a dry run)
     * @param cutoff     rows marked deleted before this instant were eligible
     * @param anonymized whether the rows were anonymised instead of deleted
     * @param dryRun     whether nothing was changed
     * @since 0.1.0
     */
    public PurgeBatch(Class<?> entity, int number, List<?> ids, long rows, Instant cutoff, boolean anonymized,
            boolean dryRun) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.number = number;
        this.ids = List.copyOf(ids);
        this.rows = rows;
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        this.anonymized = anonymized;
        this.dryRun = dryRun;
    }

    /**
     * The entity whose rows the batch covers (the root of its hierarchy).
     *
     * @return the entity class
     * @since 0.1.0
     */
    public Class<?> entity() {
        return entity;
    }

    /**
     * The batch's number for its entity in this run, counting from 1.
     *
     * @return the batch number
     * @since 0.1.0
     */
    public int number() {
        return number;
    }

    /**
     * The ids of the rows the batch deleted or anonymised, in ascending order (in
     * {@link PurgeListener#beforeBatch(PurgeBatch)}: the ids selected).
     *
     * @return an unmodifiable list of ids
     * @since 0.1.0
     */
    public List<Object> ids() {
        return ids;
    }

    /**
     * The number of rows the batch deleted or anonymised, as the database reported it.
     *
     * @return the row count
     * @since 0.1.0
     */
    public long rows() {
        return rows;
    }

    /**
     * The cutoff of the entity's retention: only rows deleted before it were eligible.
     *
     * @return the cutoff instant
     * @since 0.1.0
     */
    public Instant cutoff() {
        return cutoff;
    }

    /**
     * Whether the rows were anonymised and kept rather than deleted.
     *
     * @return {@code true} in anonymisation mode
     * @since 0.1.0
     */
    public boolean anonymized() {
        return anonymized;
    }

    /**
     * Whether this batch was only counted ({@link Purger#dryRun()}).
     *
     * @return {@code true} in a dry run
     * @since 0.1.0
     */
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public String toString() {
        return (dryRun ? "dry run " : "") + "batch " + number + " of " + entity.getName() + ": " + rows
                + (anonymized ? " rows anonymised" : " rows deleted") + ", cutoff " + cutoff;
    }
}
