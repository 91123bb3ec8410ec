package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.state.MarkerColumns;

/**
 * A foreign key of a soft-deletable table referencing a purged entity: a row referenced from there is
 * kept, unless the referencing row is itself due in this run (then it goes first, or, in a dry run,
 * would have gone).
 *
 * @param key       the referencing table and column
 * @param markers   the referencing entity's marker, when {@code key}'s table holds it; else null
 * @param retention the referencing entity's retention in this run; null when it is not purged by it
 */
record Guard(KeyedTable key, MarkerColumns markers, RetentionPolicy retention) {

    /** Whether only referencing rows that stay hold a row back (else every referencing row does). */
    boolean ignoresDueRows() {
        return markers != null && retention != null && !retention.isForever();
    }
}
