/**
 * The history of deletes, cascades, restores, hard deletes and purges: entries collected per
 * operation, written to the history table in the operation's transaction, and handed to the
 * {@code HistoryListener} after commit; the table's definition and the queries over it.
 */
package dev.softdelete.hibernate.internal.history;
