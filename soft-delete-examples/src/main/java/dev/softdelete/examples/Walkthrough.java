package dev.softdelete.examples;

import dev.softdelete.test.RecordedStatement;

import java.time.Instant;
import java.util.List;

/**
 * What the demo observed at each step, so that a test can check it (and the demo cannot break
 * silently).
 *
 * @param atStart                    the customers {@code from Customer} returned after they were created
 * @param previewedRows              the rows {@code previewDelete(Customer.class, bob)} said the delete would mark
 * @param afterDelete                the customers {@code from Customer} returned after Bob was removed
 * @param findAfterDeleteWasNull     whether {@code find(Customer.class, bob)} returned null after the remove
 * @param bobsOrders                 the items of Bob's orders after his delete (orders are kept: {@code @OnSoftDelete(KEEP)})
 * @param trash                      the customers {@code onlyDeleted()} showed
 * @param deletedAt                  Bob's marker, as the trash showed it
 * @param deletedBy                  Bob's actor, as the trash showed it
 * @param deleteReason               Bob's reason, as the trash showed it
 * @param restored                   what {@code restore(Customer.class, bob)} returned
 * @param afterRestore               the customers {@code from Customer} returned after the restore
 * @param deleteStatements           the SQL that the remove ran
 * @param restoreStatements          the SQL that the restore ran
 * @param history                    Bob's history, one line per entry: kind, actor, reason
 */
public record Walkthrough(
        List<String> atStart,
        long previewedRows,
        List<String> afterDelete,
        boolean findAfterDeleteWasNull,
        List<String> bobsOrders,
        List<String> trash,
        Instant deletedAt,
        String deletedBy,
        String deleteReason,
        boolean restored,
        List<String> afterRestore,
        List<RecordedStatement> deleteStatements,
        List<RecordedStatement> restoreStatements,
        List<String> history) {
}
