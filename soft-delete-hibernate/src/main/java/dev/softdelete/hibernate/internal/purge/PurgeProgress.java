package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeListener;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * What one target's purge has done so far, and who hears of it: counts of committed batches and rows,
 * the run's listener, progress logging, and the failure that stops the run with those counts.
 */
final class PurgeProgress {

    private static final Logger LOG = Logger.getLogger(PurgeProgress.class);
    private static final int PROGRESS_EVERY = 10;

    private final PurgeTarget target;
    private final Instant cutoff;
    private final boolean dryRun;
    private final PurgeListener listener;
    private int batches;
    private long rows;

    /** @param listener the run's listener, or null when it has none */
    PurgeProgress(PurgeTarget target, Instant cutoff, boolean dryRun, PurgeListener listener) {
        this.target = target;
        this.cutoff = cutoff;
        this.dryRun = dryRun;
        this.listener = listener;
    }

    int batches() {
        return batches;
    }

    long rows() {
        return rows;
    }

    /** The number the next batch gets. */
    int next() {
        return batches + 1;
    }

    /** Tells the listener which ids a batch is about to delete. */
    void beforeBatch(int number, List<Object> ids) {
        if (listener != null) {
            listener.beforeBatch(batch(number, ids, ids.size()));
        }
    }

    /** Tells the listener what a committed batch did. */
    void batchDone(int number, List<Object> ids, long count) {
        if (listener != null) {
            listener.batchDone(batch(number, ids, count));
        }
    }

    void counted(int number, long deleted) {
        batches = number;
        rows += deleted;
        if (number % PROGRESS_EVERY == 0) {
            LOG.debugf("Purge of %s: %d batches, %d rows so far", target.entity().getEntityName(), number, rows);
        }
    }

    private PurgeBatch batch(int number, List<Object> ids, long count) {
        return new PurgeBatch(target.entityClass(), number, ids, count, cutoff, target.anonymizes(), dryRun);
    }

    /** The failure that stops the run at this batch, with what the batches before it committed. */
    BatchFailure failure(int number, String ids, String what, RuntimeException cause) {
        return new BatchFailure(number, "softdelete purge of " + target.entity().getEntityName() + ": batch " + number
                + " (" + ids + ", deleted before " + cutoff + ") " + what + ": "
                + cause.getMessage() + ". The " + (number - 1) + " batches before it (" + rows
                + " rows) and the entities purged earlier are committed; fix the cause and run the purge again"
                + " to continue", cause);
    }

    /** A batch that could not complete: the run stops, reporting what was committed. */
    static final class BatchFailure extends RuntimeException {

        private final int batch;

        BatchFailure(int batch, String message, RuntimeException cause) {
            super(message, cause);
            this.batch = batch;
        }

        int batch() {
            return batch;
        }
    }
}
