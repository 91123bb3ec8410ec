package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;

/**
 * A foreign key of a table referencing a purged entity: a row referenced from there is kept, whatever
 * the state of the referencing row (live, not yet due, held back by its own children, written while
 * the purge runs). Children are purged before their parents, so a due child that could go is gone by
 * the time its parent's batch runs. Only a dry run, which deletes nothing, counts a due referencing
 * row as gone.
 *
 * @param key       the referencing table and column
 * @param markers   the referencing entity's marker, when {@code key}'s table holds it; else null
 * @param retention the referencing entity's retention in this run; null when it is not purged by it
 */
record Guard(KeyedTable key, MarkerColumns markers, RetentionPolicy retention) {

    /** Whether a dry run may count this key's due referencing rows as gone (their entity is purged too). */
    boolean dueRowsWouldGo() {
        return markers != null && retention != null && !retention.isForever();
    }
}
