package dev.softdelete.it.history;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeHeld;
import dev.softdelete.it.model.CascadeHeldPart;
import dev.softdelete.it.model.CascadeHolderA;
import dev.softdelete.it.model.CascadeHolderB;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore of more rows than one statement takes parameters for their history (ten per entry, 65,535
 * on PostgreSQL and MariaDB) writes it group by group.
 */
class ManyRootsRestoreHistoryTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeHolderA.class, CascadeHolderB.class,
            CascadeHeld.class, CascadeHeldPart.class)
            .with(SoftDeleteSettings.HISTORY, "table");

    private static final int ROWS = 7_000;
    /** Far above the ids the sequences hand out in this class. */
    private static final long FIRST = 50_000_000L;

    @Test
    void sevenThousandRootsRestoredTogetherGetOneHistoryEntryEach() {
        Instant before = Instant.now().minusSeconds(3600);
        // each deleted on its own: an operation id per row
        db.update("insert into cascade_holdera (id, deleted_at, delete_operation) select " + FIRST + " + n,"
                + " current_timestamp, " + FIRST + " + n from " + TestDatabase.current().series(ROWS));

        SqlRecorder sql = db.record(() -> {
            int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeHolderA.class, before));
            assertThat(restored).isEqualTo(ROWS);
        });

        assertThat(count("select count(*) as n from cascade_holdera where deleted_at is not null")).isZero();
        assertThat(count("select count(*) as n from softdelete_history where kind = 'RESTORE'")).isEqualTo(ROWS);
        assertThat(sql.count(StatementKind.INSERT, "softdelete_history")).as("one per group of 500").isEqualTo(14);
    }

    private static long count(String query) {
        return ((Number) db.rows(query).get(0).get("n")).longValue();
    }
}
