package dev.softdelete.spring.internal.purge;

import dev.softdelete.hibernate.PurgeReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scheduled purge, as the actuator endpoint shows it: when it ran, what it deleted (rows per
 * entity name), and why it stopped if it failed.
 */
public record PurgeRun(Instant startedAt, Instant finishedAt, Map<String, Long> rows, int batches, long durationMillis,
        String failure) {

    static PurgeRun of(Instant startedAt, Instant finishedAt, PurgeReport report, RuntimeException failure) {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (report != null) {
            report.rowsPerEntity().forEach((entity, count) -> rows.put(entity.getSimpleName(), count));
        }
        return new PurgeRun(startedAt, finishedAt, Map.copyOf(rows), report == null ? 0 : report.batches(),
                report == null ? 0 : report.duration().toMillis(), failure == null ? null : failure.getMessage());
    }

    /** Whether the run went through every entity. */
    public boolean succeeded() {
        return failure == null;
    }
}
