package dev.softdelete.examples;

import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Runs the demo and checks what it shows, so that the walkthrough in the README cannot break silently.
 */
class DemoTest {

    static Walkthrough walkthrough;
    static String printed;

    @BeforeAll
    static void runDemo() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            walkthrough = Demo.run(out);
        }
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void deleteRunsOneMarkerUpdateOfCustomerAndNoDeleteAsThePreviewSaid() {
        assertThat(walkthrough.previewedRows()).isEqualTo(1);
        assertThat(walkthrough.deleteStatements())
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(tuple(StatementKind.UPDATE, "customer"), tuple(StatementKind.INSERT, "softdelete_history"));
    }

    @Test
    void theHistoryShowsTheDeleteWithItsReasonAndTheRestore() {
        assertThat(walkthrough.history()).containsExactly("DELETE by " + Demo.ACTOR + ": " + Demo.REASON,
                "RESTORE by " + Demo.ACTOR);
    }

    @Test
    void readsHideTheDeletedCustomer() {
        assertThat(walkthrough.atStart()).containsExactly("Ada", "Bob", "Cleo");
        assertThat(walkthrough.afterDelete()).containsExactly("Ada", "Cleo");
        assertThat(walkthrough.findAfterDeleteWasNull()).isTrue();
    }

    @Test
    void ordersOfTheDeletedCustomerStayLive() {
        assertThat(walkthrough.bobsOrders()).containsExactly("kettle");
    }

    @Test
    void trashShowsMarkerActorAndReason() {
        assertThat(walkthrough.trash()).containsExactly("Bob");
        assertThat(walkthrough.deletedAt()).isEqualTo(Demo.NOW);
        assertThat(walkthrough.deletedBy()).isEqualTo(Demo.ACTOR);
        assertThat(walkthrough.deleteReason()).isEqualTo(Demo.REASON);
    }

    @Test
    void restoreBringsTheCustomerBackWithOneUpdate() {
        assertThat(walkthrough.restored()).isTrue();
        assertThat(walkthrough.afterRestore()).containsExactly("Ada", "Bob", "Cleo");
        assertThat(walkthrough.restoreStatements())
                .filteredOn(statement -> statement.kind() != StatementKind.SELECT)
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(tuple(StatementKind.UPDATE, "customer"), tuple(StatementKind.INSERT, "softdelete_history"));
    }

    @Test
    void printsEveryStep() {
        assertThat(printed).contains("1. Create", "2. Preview deleting Bob", "3. Read as usual", "4. Open the trash",
                "5. Restore Bob", "6. Read again", "7. Bob's history", "update customer set");
    }
}
