package dev.softdelete.it.purge;

import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.PurgeChild;
import dev.softdelete.it.model.PurgeGrandchild;
import dev.softdelete.it.model.PurgeParent;
import dev.softdelete.it.model.PurgeTag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Retention purge over a parent / child / grandchild graph with real foreign keys, a join table and an element collection. */
class PurgeRetentionTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(40));
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeParent.class, PurgeChild.class,
                    PurgeGrandchild.class, PurgeTag.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    /** Parent {@code n} with child {@code 10n}, grandchild {@code 100n}, tag {@code n}, one label. */
    private void graph(long n) {
        CLOCK.set(OLD.minus(Duration.ofDays(1)));
        db.inTransaction(s -> {
            PurgeTag tag = new PurgeTag(n, "tag " + n);
            s.persist(tag);
            PurgeParent parent = new PurgeParent(n);
            parent.child(10 * n).grandchild(100 * n);
            parent.getTags().add(tag);
            parent.getLabels().add("label " + n);
            s.persist(parent);
        });
    }

    private void deleteParentAt(long n, Instant when) {
        CLOCK.set(when);
        db.inTransaction(s -> s.remove(s.find(PurgeParent.class, n)));
    }

    /** Graph 1 deleted 40 days ago, graph 2 deleted 10 days ago, graph 3 live; retention is 30 days. */
    private void threeGraphs() {
        graph(1);
        graph(2);
        graph(3);
        deleteParentAt(1, OLD);
        deleteParentAt(2, RECENT);
        CLOCK.set(NOW);
    }

    private static Purger purger() {
        return Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<Object> ids(String table) {
        return db.rows("select id from " + table + " order by id").stream().map(row -> row.get("id"))
                .map(id -> (Object) ((Number) id).longValue()).toList();
    }

    private List<Object> column(String table, String column) {
        return db.rows("select " + column + " as v from " + table + " order by " + column).stream()
                .map(row -> (Object) ((Number) row.get("v")).longValue()).toList();
    }

    @Test
    void rowsDeletedLongerAgoThanTheirRetentionAreGoneAtEveryLevel() {
        threeGraphs();

        purger().run();

        assertThat(ids("purge_parent")).containsExactly(2L, 3L);
        assertThat(ids("purge_child")).containsExactly(20L, 30L);
        assertThat(ids("purge_grandchild")).containsExactly(200L, 300L);
    }

    @Test
    void recentlyDeletedAndLiveRowsAreUntouched() {
        threeGraphs();
        List<Map<String, Object>> before = db.rows("select * from purge_child where id in (20, 30) order by id");

        SqlRecorder sql = db.record(() -> purger().run());

        assertThat(db.rows("select * from purge_child where id in (20, 30) order by id")).isEqualTo(before);
        assertThat(db.row("purge_parent", 3L).get("deleted_at")).isNull();
        assertThat(sql.count(StatementKind.UPDATE)).isZero();
    }

    @Test
    void joinTableAndElementCollectionRowsOfPurgedOwnersGoWithThem() {
        threeGraphs();

        purger().run();

        assertThat(column("purge_parent_purge_tag", "purge_parent_id")).containsExactly(2L, 3L);
        assertThat(column("purge_parent_labels", "purge_parent_id")).containsExactly(2L, 3L);
        assertThat(ids("purge_tag")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void childrenArePurgedBeforeTheirParents() {
        threeGraphs();

        SqlRecorder sql = db.record(() -> purger().run());

        List<String> deletedTables = sql.statements().stream().filter(s -> s.kind() == StatementKind.DELETE)
                .map(RecordedStatement::table).distinct().toList();
        assertThat(deletedTables).containsSubsequence("purge_grandchild", "purge_child", "purge_parent");
        assertThat(deletedTables.indexOf("purge_parent_purge_tag")).isLessThan(deletedTables.indexOf("purge_parent"));
    }

    @Test
    void reportCountsRowsPerEntityChildrenFirst() {
        threeGraphs();

        PurgeReport report = purger().run();

        assertThat(report.rowsPerEntity()).containsExactly(entry(PurgeGrandchild.class, 1L),
                entry(PurgeChild.class, 1L), entry(PurgeParent.class, 1L));
        assertThat(report.batches()).isEqualTo(3);
        assertThat(report.dryRun()).isFalse();
    }

    @Test
    void dryRunDeletesNothingAndReportsWhatARunWould() {
        threeGraphs();

        SqlRecorder sql = db.record(() -> {
            PurgeReport dry = purger().dryRun().run();
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.rowsPerEntity()).containsExactly(entry(PurgeGrandchild.class, 1L),
                    entry(PurgeChild.class, 1L), entry(PurgeParent.class, 1L));
        });

        assertThat(sql.count(StatementKind.DELETE)).isZero();
        assertThat(db.countRows("purge_parent")).isEqualTo(3);
        assertThat(db.countRows("purge_grandchild")).isEqualTo(3);
        assertThat(purger().run().rowsPerEntity()).containsExactly(entry(PurgeGrandchild.class, 1L),
                entry(PurgeChild.class, 1L), entry(PurgeParent.class, 1L));
    }

    @Test
    void parentStillReferencedByALiveChildIsKeptUntilTheChildGoes() {
        graph(4);
        CLOCK.set(OLD);
        // native SQL marks the parent alone (remove() and bulk deletes would cascade): its child stays live
        db.inTransaction(s -> s.createNativeMutationQuery("update purge_parent set deleted_at = :at where id = 4")
                .setParameter("at", OLD).executeUpdate());

        PurgeReport report = purger().run();

        assertThat(ids("purge_parent")).containsExactly(4L);
        assertThat(db.row("purge_child", 40L).get("deleted_at")).isNull();
        assertThat(report.rowsPerEntity()).containsEntry(PurgeParent.class, 0L);
    }

    @Test
    void onlyLimitsTheRunToTheGivenEntities() {
        threeGraphs();

        PurgeReport report = purger().only(PurgeGrandchild.class).run();

        assertThat(report.rowsPerEntity()).containsOnlyKeys(PurgeGrandchild.class);
        assertThat(ids("purge_grandchild")).containsExactly(200L, 300L);
        assertThat(ids("purge_child")).containsExactly(10L, 20L, 30L);
    }
}
