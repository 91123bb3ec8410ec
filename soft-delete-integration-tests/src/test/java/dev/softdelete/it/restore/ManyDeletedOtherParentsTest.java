package dev.softdelete.it.restore;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore whose level has more deleted other parents than one statement takes parameters (65,535 on
 * PostgreSQL and MariaDB): the rows under them stay deleted and the rest come back, the deleted parents
 * found by a subquery rather than bound one by one.
 */
class ManyDeletedOtherParentsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeHolderA.class, CascadeHolderB.class,
            CascadeHeld.class, CascadeHeldPart.class);

    private static final int ROWS = 80_000;
    /** Far above the ids the sequences hand out in this class. */
    private static final long FIRST = 50_000_000L;

    private static String series() {
        return TestDatabase.current().series(ROWS);
    }

    @Test
    void rowsUnderSeventyTwoThousandDeletedOtherParentsStayDeletedAndTheOthersComeBack() {
        long a = db.fromTransaction(s -> {
            CascadeHolderA holder = new CascadeHolderA();
            s.persist(holder);
            return holder.getId();
        });
        db.update("insert into cascade_holderb (id) select " + FIRST + " + n from " + series());
        db.update("insert into cascade_held (id, holdera_id, holderb_id) select " + FIRST + " + n, " + a + ", "
                + FIRST + " + n from " + series());
        db.inTransaction(s -> s.remove(s.find(CascadeHolderA.class, a)));
        assertThat(db.rows("select id from cascade_held where deleted_at is null")).isEmpty();
        // nine holders in ten deleted afterwards, each on its own: the held rows are deleted already
        int deletedHolders = db.update("update cascade_holderb set deleted_at = current_timestamp, delete_operation = 99"
                + " where id > " + FIRST + " and mod(id, 10) <> 0");
        assertThat(deletedHolders).isEqualTo(ROWS / 10 * 9);

        SqlRecorder sql = db.record(() -> {
            boolean restored = db.fromTransaction(s -> s.restore(CascadeHolderA.class, a));
            assertThat(restored).isTrue();
        });

        assertThat(count("select count(*) as n from cascade_held where deleted_at is null")).isEqualTo(ROWS / 10);
        assertThat(count("select count(*) as n from cascade_held h join cascade_holderb b on h.holderb_id = b.id"
                + " where b.deleted_at is not null and h.deleted_at is null")).isZero();
        assertThat(count("select count(*) as n from cascade_held h join cascade_holderb b on h.holderb_id = b.id"
                + " where b.deleted_at is null and h.deleted_at is not null")).isZero();
        assertThat(sql.statements()).filteredOn(statement -> statement.kind() == StatementKind.UPDATE
                && statement.sql().toLowerCase().startsWith("update cascade_held "))
                .singleElement().satisfies(update -> assertThat(update.sql().contains("?, ?"))
                        .as("the deleted holders bound one by one, in %d characters of SQL", update.sql().length())
                        .isFalse());
    }

    private static long count(String query) {
        return ((Number) db.rows(query).get(0).get("n")).longValue();
    }
}
