package dev.softdelete.hibernate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a {@link Purger} run did: rows per entity, batches and elapsed time.
 *
 * <pre>{@code
 * PurgeReport report = Purger.of(sessionFactory).run();
 * long orders = report.rowsPerEntity().getOrDefault(Order.class, 0L);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PurgeReport {

    private final Map<Class<?>, Long> rowsPerEntity;
    private final int batches;
    private final Duration duration;
    private final boolean dryRun;

    /**
     * Describes a run; built by the purger.
     *
     * @param rowsPerEntity rows deleted (or anonymised, or counted) per entity, in purge order
     * @param batches       the number of batches run
     * @param duration      how long the run took
     * @param dryRun        whether the run only counted
     * @since 0.1.0
     */
    public PurgeReport(Map<Class<?>, Long> rowsPerEntity, int batches, Duration duration, boolean dryRun) {
        this.rowsPerEntity = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerEntity));
        this.batches = batches;
        this.duration = Objects.requireNonNull(duration, "duration");
        this.dryRun = dryRun;
    }

    /**
     * The rows deleted (or anonymised) per entity, in the order the entities were purged; every
     * entity with a finite retention that the run covered is present, with 0 when nothing was due.
     * In a dry run, the rows that a real run would have affected.
     *
     * @return an unmodifiable map from entity class to row count
     * @since 0.1.0
     */
    public Map<Class<?>, Long> rowsPerEntity() {
        return rowsPerEntity;
    }

    /**
     * The total of {@link #rowsPerEntity()}.
     *
     * @return the number of rows deleted or anonymised
     * @since 0.1.0
     */
    public long totalRows() {
        return rowsPerEntity.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The number of batches run, each in its own transaction.
     *
     * @return the batch count
     * @since 0.1.0
     */
    public int batches() {
        return batches;
    }

    /**
     * How long the run took.
     *
     * @return the elapsed time
     * @since 0.1.0
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Whether the run only counted ({@link Purger#dryRun()}).
     *
     * @return {@code true} for a dry run
     * @since 0.1.0
     */
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public String toString() {
        // for a log line: simple names, as "{Comment=1200, Post=80}", where the map's own would print "class com.…"
        StringJoiner rows = new StringJoiner(", ", "{", "}");
        rowsPerEntity.forEach((entity, count) -> rows.add(entity.getSimpleName() + "=" + count));
        return (dryRun ? "dry run: " : "purge: ") + rows + " in " + batches + " batches, " + duration;
    }
}
