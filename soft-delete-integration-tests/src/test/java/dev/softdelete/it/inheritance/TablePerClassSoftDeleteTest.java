package dev.softdelete.it.inheritance;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.TpcDocument;
import dev.softdelete.it.model.TpcInvoice;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @SoftDelete} on the root of a TABLE_PER_CLASS hierarchy: each concrete table has its marker. */
class TablePerClassSoftDeleteTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(TpcDocument.class, TpcInvoice.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW))
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @BeforeEach
    void twoInvoicesAndAPlainDocument() {
        db.inTransaction(s -> {
            s.persist(new TpcInvoice(1L, "inv-1", 1000));
            s.persist(new TpcInvoice(2L, "inv-2", 2000));
            s.persist(new TpcDocument(3L, "memo"));
        });
    }

    private void removeFirstInvoice() {
        db.inTransaction(s -> s.remove(s.find(TpcInvoice.class, 1L)));
    }

    private List<String> titles(String hql) {
        return db.fromTransaction(s -> s.createQuery(hql, String.class).list());
    }

    @Test
    void removeOfASubclassInstanceIsOneUpdateOfItsOwnTable() {
        // WHEN
        SqlRecorder sql = db.record(this::removeFirstInvoice);

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("tpc_invoice", 1);
        Map<String, Object> row = db.row("tpc_invoice", 1L);
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
    }

    @Test
    void removeOfARootInstanceIsOneUpdateOfTheRootTable() {
        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(TpcDocument.class, 3L))));

        // THEN
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("tpc_document", 1);
        assertThat(Columns.instant(db.row("tpc_document", 3L).get("deleted_at"))).isEqualTo(NOW);
    }

    @Test
    void queriesOnRootAndSubclassHideTheDeletedSubclassRow() {
        // GIVEN
        removeFirstInvoice();

        // THEN
        assertThat(titles("select d.title from TpcDocument d order by d.title")).containsExactly("inv-2", "memo");
        assertThat(titles("select i.title from TpcInvoice i order by i.title")).containsExactly("inv-2");
    }

    @Test
    void unfilteredScopeShowsTheDeletedSubclassRow() {
        // GIVEN
        removeFirstInvoice();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.unfiltered(() -> s.createQuery("select d.title from TpcDocument d order by d.title",
                    String.class).list())).containsExactly("inv-1", "inv-2", "memo");
            assertThat(s.onlyDeleted(() -> s.createQuery("select i.title from TpcInvoice i",
                    String.class).list())).containsExactly("inv-1");
        });
    }

    @Test
    void findOfTheDeletedSubclassInstanceReturnsNull() {
        // GIVEN
        removeFirstInvoice();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.find(TpcInvoice.class, 1L)).isNull();
            assertThat(s.find(TpcDocument.class, 1L)).isNull();
            assertThat(s.unfiltered(() -> s.find(TpcDocument.class, 1L))).isInstanceOf(TpcInvoice.class);
        });
    }

    @Test
    void bulkDeleteOfTheRootIsRefusedAndChangesNothing() {
        // WHEN / THEN
        SqlRecorder sql = db.record(() -> assertThatThrownBy(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from TpcDocument").executeUpdate()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("TpcDocument"));
        assertNothingChanged(sql);
    }

    @Test
    void bulkDeleteOfALeafSubclassMarksItsOwnTable() {
        // GIVEN: a leaf of a TABLE_PER_CLASS hierarchy has one table, so its bulk delete is single-table
        // WHEN
        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                marked[0] = s.createMutationQuery("delete from TpcInvoice").executeUpdate()));

        // THEN
        assertThat(marked[0]).isEqualTo(2);
        assertThat(sql).hasNoHardDeletes().hasUpdates("tpc_invoice", 1);
        assertThat(db.countRows("tpc_invoice")).isEqualTo(2);
        assertThat(db.rows("select id from tpc_invoice where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from tpc_document where deleted_at is not null")).isEmpty();
    }

    private void assertNothingChanged(SqlRecorder sql) {
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isZero();
        assertThat(db.countRows("tpc_document")).isEqualTo(1);
        assertThat(db.countRows("tpc_invoice")).isEqualTo(2);
        assertThat(db.rows("select id from tpc_invoice where deleted_at is not null")).isEmpty();
        assertThat(db.rows("select id from tpc_document where deleted_at is not null")).isEmpty();
    }
}
