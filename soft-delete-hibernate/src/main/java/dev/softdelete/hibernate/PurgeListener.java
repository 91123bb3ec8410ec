package dev.softdelete.hibernate;

/**
 * Receives the batches of a {@link Purger} run, one call per batch after its transaction committed:
 * the place to write an audit log of hard deletes.
 *
 * <pre>{@code
 * Purger.of(sessionFactory)
 *       .listener(batch -> audit.info("purged {} {} rows deleted before {}",
 *               batch.rows(), batch.entity().getSimpleName(), batch.cutoff()))
 *       .run();
 * }</pre>
 *
 * A listener that throws stops the run: batches already committed stay committed.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PurgeListener {

    /**
     * Called once per batch, after its transaction committed (or, in a dry run, after it was counted).
     *
     * @param batch what the batch deleted or anonymised
     */
    void batchDone(PurgeBatch batch);

    /**
     * Called once per batch with the ids selected for it, before its transaction starts; for
     * instance to archive the rows elsewhere before they go. The DELETE re-checks the cutoff, so a
     * row restored meanwhile survives, and {@link #batchDone(PurgeBatch)} then reports fewer rows.
     * Does nothing unless overridden.
     *
     * @param selected the batch as selected: {@link PurgeBatch#rows()} is the number of ids selected
     */
    default void beforeBatch(PurgeBatch selected) {
    }
}
