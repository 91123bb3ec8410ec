package dev.softdelete.hibernate.internal.service;

import dev.softdelete.hibernate.HistoryListener;

/**
 * Where the history of a factory's operations goes.
 *
 * @param table    whether entries are written to the history table
 * @param listener the listener receiving each committed transaction's entries, or null
 */
public record HistorySettings(boolean table, HistoryListener listener) {

    public static final HistorySettings NONE = new HistorySettings(false, null);

    /** Whether entries are recorded at all. */
    public boolean enabled() {
        return table || listener != null;
    }
}
