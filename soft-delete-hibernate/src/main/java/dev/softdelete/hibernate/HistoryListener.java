package dev.softdelete.hibernate;

import java.util.List;

/**
 * Receives the history of each committed transaction: every delete, cascade, restore, hard delete and
 * purge batch it did, after the commit (never for a transaction that rolled back). Register one with
 * {@link SoftDeleteSettings#HISTORY_LISTENER}; it runs on the committing thread, after the data is
 * committed, so it may publish an event or write an audit log elsewhere, but it cannot undo the
 * commit: an exception it throws is logged and dropped.
 *
 * <pre>{@code
 * settings.put(SoftDeleteSettings.HISTORY_LISTENER, (HistoryListener) entries ->
 *         entries.forEach(e -> audit.info("{} {} {} by {}", e.kind(), e.entityName(), e.entityId(), e.actor())));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HistoryListener {

    /**
     * Called once per committed transaction that soft-deleted, restored, erased or purged rows.
     *
     * @param entries the transaction's entries, in the order the operations ran
     */
    void afterCommit(List<HistoryEntry> entries);
}
