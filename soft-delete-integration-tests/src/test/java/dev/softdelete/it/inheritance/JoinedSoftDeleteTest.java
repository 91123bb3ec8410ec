package dev.softdelete.it.inheritance;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.JoinedAccount;
import dev.softdelete.it.model.JoinedSavingsAccount;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @SoftDelete} on the root of a JOINED hierarchy: the marker lives in the root table. */
class JoinedSoftDeleteTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedAccount.class, JoinedSavingsAccount.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW))
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @BeforeEach
    void twoSavingsAccountsAndAPlainOne() {
        db.inTransaction(s -> {
            s.persist(new JoinedSavingsAccount(1L, "ann", new BigDecimal("1.50")));
            s.persist(new JoinedSavingsAccount(2L, "bob", new BigDecimal("2.00")));
            s.persist(new JoinedAccount(3L, "cid"));
        });
    }

    private void removeAnn() {
        db.inTransaction(s -> s.remove(s.find(JoinedSavingsAccount.class, 1L)));
    }

    private List<String> owners(String hql) {
        return db.fromTransaction(s -> s.createQuery(hql, String.class).list());
    }

    @Test
    void removeOfASubclassInstanceIsOneUpdateOfTheRootTableAndKeepsBothRows() {
        // WHEN
        SqlRecorder sql = db.record(this::removeAnn);

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_account", 1);
        Map<String, Object> row = db.row("joined_account", 1L);
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1L);
        assertThat(db.row("joined_savings_account", 1L)).isNotNull();
    }

    @Test
    void queriesOnRootAndSubclassHideTheDeletedSubclassRow() {
        // GIVEN
        removeAnn();

        // THEN
        assertThat(owners("select a.owner from JoinedAccount a order by a.owner")).containsExactly("bob", "cid");
        assertThat(owners("select a.owner from JoinedSavingsAccount a order by a.owner")).containsExactly("bob");
    }

    @Test
    void unfilteredScopeShowsTheDeletedSubclassRow() {
        // GIVEN
        removeAnn();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.unfiltered(() -> s.createQuery("select a.owner from JoinedAccount a order by a.owner",
                    String.class).list())).containsExactly("ann", "bob", "cid");
            assertThat(s.unfiltered(() -> s.createQuery("select a.owner from JoinedSavingsAccount a order by a.owner",
                    String.class).list())).containsExactly("ann", "bob");
            assertThat(s.onlyDeleted(() -> s.createQuery("select a.owner from JoinedSavingsAccount a",
                    String.class).list())).containsExactly("ann");
        });
    }

    @Test
    void findOfTheDeletedSubclassInstanceReturnsNull() {
        // GIVEN
        removeAnn();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.find(JoinedSavingsAccount.class, 1L)).isNull();
            assertThat(s.find(JoinedAccount.class, 1L)).isNull();
            assertThat(s.unfiltered(() -> s.find(JoinedAccount.class, 1L))).isInstanceOf(JoinedSavingsAccount.class);
        });
    }

    @Test
    void bulkDeleteOfTheSubclassIsRefusedAndChangesNothing() {
        // WHEN / THEN
        SqlRecorder sql = db.record(() -> assertThatThrownBy(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from JoinedSavingsAccount").executeUpdate()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("JoinedAccount")
                .hasMessageContaining("Nothing was changed"));
        assertNothingChanged(sql);
    }

    @Test
    void bulkDeleteOfTheRootIsRefusedAndChangesNothing() {
        // WHEN / THEN
        SqlRecorder sql = db.record(() -> assertThatThrownBy(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from JoinedAccount a where a.owner = 'cid'").executeUpdate()))
                .isInstanceOf(UnsupportedOperationException.class));
        assertNothingChanged(sql);
    }

    private void assertNothingChanged(SqlRecorder sql) {
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isZero();
        assertThat(db.countRows("joined_account")).isEqualTo(3);
        assertThat(db.countRows("joined_savings_account")).isEqualTo(2);
        assertThat(db.rows("select id from joined_account where deleted_at is not null")).isEmpty();
    }
}
