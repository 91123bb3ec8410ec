package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.internal.purge.BatchTransactions.Outcome;
import dev.softdelete.hibernate.internal.purge.BatchTransactions.RangeTooWide;
import dev.softdelete.hibernate.internal.purge.PurgeStatements.Range;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Purges one target in key-range batches: a short read finds the key that closes the next batch (or
 * all its ids, when a listener or a dry run wants them), then one transaction deletes (or anonymises)
 * the rows of that range that are still due, with their dependent rows, and commits
 * ({@link BatchTransactions}). Instances running concurrently lock the same rows in the same order, so
 * one waits for the other and then finds nothing left: counts come from the statements
 * ({@link PurgeProgress}). This class decides where each batch's range ends.
 */
final class TargetPurge {

    private final int batchSize;
    private final boolean idsNeeded;
    private final Class<?> idType;
    private final boolean byWidth;
    private final BatchTransactions transactions;
    private final PurgeProgress progress;

    /** @param listener the run's listener, or null when it has none */
    TargetPurge(SessionFactoryImplementor factory, Supplier<StatelessSession> sessions, PurgeTarget target,
            Instant now, int batchSize, boolean dryRun, PurgeListener listener) {
        this.batchSize = batchSize;
        // the ids travel only to be handed out or counted; a plain run closes each batch by one key
        this.idsNeeded = listener != null || dryRun || target.anonymizes();
        this.idType = target.entity().getIdentifierMapping().getJavaType().getJavaTypeClass();
        this.byWidth = !idsNeeded && target.dependents().isEmpty() && (idType == Long.class || idType == Integer.class);
        this.transactions = new BatchTransactions(factory, sessions, target, now, batchSize, dryRun,
                idsNeeded || !target.dependents().isEmpty());
        this.progress = new PurgeProgress(target, target.retention().cutoff(now).orElseThrow(), dryRun, listener);
    }

    int batches() {
        return progress.batches();
    }

    long rows() {
        return progress.rows();
    }

    void run() {
        try (transactions) {
            if (byWidth) {
                runByWidth();
            }
            else {
                runByKeys();
            }
        }
    }

    /** Each batch's range ends at a key read for it (with all its ids where they are needed). */
    private void runByKeys() {
        Object after = null;
        while (true) {
            int number = progress.next();
            List<Object> selected = null;
            Range range = null;
            if (idsNeeded) {
                selected = transactions.readDue(after);
                if (selected.isEmpty()) {
                    return;
                }
                range = new Range(after, selected.get(selected.size() - 1));
            }
            String ids = selected != null ? "ids " + selected.get(0) + " to " + range.upTo() : nextDueIds(after);
            Outcome outcome;
            try {
                if (selected != null) {
                    progress.beforeBatch(number, selected);
                }
                outcome = transactions.run(after, range, false);
            }
            catch (RuntimeException e) {
                throw progress.failure(number, ids, "failed; nothing of this batch was changed", e);
            }
            boolean last = selected != null ? selected.size() < batchSize : outcome.range().upTo() == null;
            if (selected == null && last && outcome.rows() == 0) {
                return; // the rows after the last full batch: there were none
            }
            progress.counted(number, outcome.rows());
            try {
                progress.batchDone(number, outcome.ids(), outcome.rows());
            }
            catch (RuntimeException e) {
                throw progress.failure(number, ids, "was committed, then its listener failed", e);
            }
            if (last) {
                return;
            }
            after = outcome.range().upTo();
        }
    }

    /** A batch whose range ends at a key not read yet, for messages. */
    private String nextDueIds(Object after) {
        return after == null ? "the first " + batchSize + " due ids" : "the " + batchSize + " due ids after " + after;
    }

    /**
     * The plain run (no listener, no dry run, no dependent rows) over an integral id. The first batch
     * is closed by a key read; after that each range is as wide as the density of the last one says
     * {@code batchSize} rows need, so a batch is one DELETE and a commit, unless that is more than
     * twice {@code batchSize} ids (sparse due rows): then the next closing key is read again. A DELETE
     * that would take more than {@code batchSize} rows (at most twice that, ids being unique) is rolled
     * back and retried on half the range. Every DELETE re-checks the cutoff, so a range never takes a
     * row that is not due, however wide it is.
     */
    private void runByWidth() {
        long[] bounds = transactions.readDueIdBounds();
        if (bounds == null) {
            return;
        }
        long spread = bounds[1] - bounds[0];
        if (bounds[0] == Long.MIN_VALUE || spread < 0 || spread == Long.MAX_VALUE) {
            runByKeys(); // ids so far apart that their differences overflow: no arithmetic on them
            return;
        }
        long below = bounds[0] - 1;
        long width = 0; // unknown until the first batch
        while (below < bounds[1]) {
            int number = progress.next();
            Range range = width == 0 ? null : new Range(id(below), id(below + Math.min(width, bounds[1] - below)));
            Object after = below < bounds[0] ? null : id(below);
            String ids = range != null ? range.describe() : nextDueIds(after);
            Outcome outcome;
            try {
                outcome = transactions.run(after, range, true);
            }
            catch (RangeTooWide e) {
                width = Math.max(1, width / 2);
                continue;
            }
            catch (RuntimeException e) {
                throw progress.failure(number, ids, "failed; nothing of this batch was changed", e);
            }
            long upTo = outcome.range().upTo() == null ? bounds[1] : ((Number) outcome.range().upTo()).longValue();
            // the next range: as many ids as held batchSize * 0.9 rows in this one (twice as many if it held
            // none); wider than two batches of ids, a wrong guess could make a DELETE of that many rows to
            // roll back, so the closing key is read instead
            double span = upTo - below;
            width = Math.max(1, outcome.rows() == 0 ? (long) span * 2 : Math.round(span * batchSize * 0.9 / outcome.rows()));
            if (width > 2L * batchSize) {
                width = 0;
            }
            below = upTo;
            if (outcome.rows() > 0) {
                progress.counted(number, outcome.rows());
            }
        }
    }

    private Object id(long value) {
        return idType == Integer.class ? (Object) Math.toIntExact(value) : (Object) value;
    }
}
