package dev.softdelete.it.history;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryEntry.Kind;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The history of deletes and restores, in the table ({@code softdelete.history=table}) and through the
 * listener: one entry per operation root with its cascade counts, written in the operation's
 * transaction (a rollback leaves none), the listener called after commit only, exactly one entry per
 * operation under concurrency, and the queries by row, operation and actor.
 */
class HistoryTest {

    static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final ThreadLocal<String> ACTOR = ThreadLocal.withInitial(() -> "alice");
    static final List<List<HistoryEntry>> NOTIFIED = new CopyOnWriteArrayList<>();
    /** What the listener saw in the table, from another connection, when it was called: committed rows only. */
    static final List<Integer> DELETED_BLOGS_SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class, PurgeItem.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) ACTOR::get)
            .with(SoftDeleteSettings.HISTORY, "table")
            .with(SoftDeleteSettings.HISTORY_LISTENER, (HistoryListener) HistoryTest::notify);

    private static void notify(List<HistoryEntry> entries) {
        NOTIFIED.add(entries);
        DELETED_BLOGS_SEEN.add(db.rows("select id from cascade_blog where deleted_at is not null").size());
    }

    @BeforeEach
    void reset() {
        NOTIFIED.clear();
        DELETED_BLOGS_SEEN.clear();
        CLOCK.set(NOW);
        ACTOR.set("alice");
    }

    private long blog(String title, int posts, int comments) {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog(title);
            for (int p = 0; p < posts; p++) {
                CascadePost post = blog.post(title + " p" + p);
                for (int c = 0; c < comments; c++) {
                    post.comment("c" + c);
                }
            }
            s.persist(blog);
            blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
            return blog.getId();
        });
    }

    private List<Map<String, Object>> table() {
        return db.rows("select operation_id, kind, entity_name, entity_id, row_count, actor, reason from softdelete_history");
    }

    private static List<HistoryEntry> notified() {
        List<HistoryEntry> all = new ArrayList<>();
        NOTIFIED.forEach(all::addAll);
        return all;
    }

    @Test
    void aDeleteWritesItsRootAndItsCascadeCountsWithOneInsertUnderTheRowsOperationId() {
        long id = blog("spam", 3, 2);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(CascadeBlog.class, id));
            }
        }));

        assertThat(sql.count(StatementKind.INSERT, "softdelete_history")).isEqualTo(1);
        long operation = ((Number) db.rows("select delete_operation from cascade_blog where id = ?", id).get(0)
                .get("delete_operation")).longValue();
        List<HistoryEntry> entries = db.fromTransaction(s -> s.history().ofOperation(operation));
        assertThat(entries).extracting(HistoryEntry::kind, HistoryEntry::entityName, HistoryEntry::entityId,
                HistoryEntry::rows, HistoryEntry::actor, HistoryEntry::reason, HistoryEntry::at)
                .containsExactly(
                        tuple(Kind.DELETE, CascadeBlog.class.getName(), Long.toString(id), 1L, "alice", "spam", NOW),
                        tuple(Kind.CASCADE, CascadePost.class.getName(), null, 3L, "alice", "spam", NOW),
                        tuple(Kind.CASCADE, CascadeComment.class.getName(), null, 6L, "alice", "spam", NOW));
        assertThat(notified()).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(NOTIFIED).hasSize(1);
    }

    @Test
    void aRestoreRecordsTheRestoringActorUnderTheDeletesOperation() {
        long id = blog("oops", 2, 1);
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
        CLOCK.set(NOW.plus(Duration.ofHours(1)));
        ACTOR.set("bob");

        db.inTransaction(s -> s.restore(CascadeBlog.class, id));

        List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(CascadeBlog.class, id));
        assertThat(history).extracting(HistoryEntry::kind, HistoryEntry::entityName, HistoryEntry::rows,
                HistoryEntry::actor).containsExactly(
                tuple(Kind.DELETE, CascadeBlog.class.getName(), 1L, "alice"),
                tuple(Kind.CASCADE, CascadePost.class.getName(), 2L, "alice"),
                tuple(Kind.CASCADE, CascadeComment.class.getName(), 2L, "alice"),
                tuple(Kind.RESTORE, CascadeBlog.class.getName(), 1L, "bob"),
                tuple(Kind.RESTORE_CASCADE, CascadePost.class.getName(), 2L, "bob"),
                tuple(Kind.RESTORE_CASCADE, CascadeComment.class.getName(), 2L, "bob"));
        assertThat(history).extracting(HistoryEntry::operation).containsOnly(history.get(0).operation());
        assertThat(history.get(3).at()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        List<HistoryEntry> bobs = db.fromTransaction(s -> s.history().ofActor("bob", NOW, NOW.plus(Duration.ofDays(1))));
        assertThat(bobs).hasSize(3).extracting(HistoryEntry::kind).doesNotContain(Kind.DELETE, Kind.CASCADE);
    }

    @Test
    void aRestoreOfSeveralRowsRecordsEachRowAndEachDeletesCascadeAndNotifiesOnceAfterCommit() {
        long first = blog("one", 2, 1);
        long second = blog("two", 1, 3);
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, first)));
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, second)));
        NOTIFIED.clear();
        ACTOR.set("bob");

        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            assertThat(SoftDeleteSession.wrap(session)
                    .restoreAll(CascadeBlog.class, List.of(second, first))).isEqualTo(2);
            assertThat(NOTIFIED).as("not before commit").isEmpty();
            session.getTransaction().commit();
        }

        for (long id : new long[] {first, second}) {
            List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(CascadeBlog.class, id));
            assertThat(history).extracting(HistoryEntry::operation).containsOnly(history.get(0).operation());
            assertThat(history).filteredOn(entry -> entry.actor().equals("bob"))
                    .extracting(HistoryEntry::kind, HistoryEntry::entityName, HistoryEntry::entityId, HistoryEntry::rows)
                    .containsExactlyInAnyOrder(
                            tuple(Kind.RESTORE, CascadeBlog.class.getName(), Long.toString(id), 1L),
                            tuple(Kind.RESTORE_CASCADE, CascadePost.class.getName(), null, id == first ? 2L : 1L),
                            tuple(Kind.RESTORE_CASCADE, CascadeComment.class.getName(), null, id == first ? 2L : 3L));
        }
        assertThat(NOTIFIED).hasSize(1);
        assertThat(notified()).hasSize(6).extracting(HistoryEntry::actor).containsOnly("bob");
    }

    @Test
    void aRolledBackRestoreOfSeveralRowsLeavesNoEntryAndCallsNoListener() {
        long id = blog("kept-deleted", 1, 1);
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
        NOTIFIED.clear();

        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            SoftDeleteSession.wrap(session).restoreAll(CascadeBlog.class, List.of(id));
            session.getTransaction().rollback();
        }

        assertThat(table()).extracting(row -> row.get("kind")).containsOnly("DELETE", "CASCADE");
        assertThat(NOTIFIED).isEmpty();
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).isEmpty();
    }

    @Test
    void aDeleteAndItsRestoreAtTheSameInstantStillComeInTheirOrder() {
        long id = blog("tick", 1, 1);
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
        db.inTransaction(s -> s.restore(CascadeBlog.class, id));   // the clock has not moved

        List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(CascadeBlog.class, id));

        assertThat(history).extracting(HistoryEntry::kind).containsExactly(Kind.DELETE, Kind.CASCADE, Kind.CASCADE,
                Kind.RESTORE, Kind.RESTORE_CASCADE, Kind.RESTORE_CASCADE);
        assertThat(history).extracting(HistoryEntry::at).containsOnly(NOW);
    }

    @Test
    void aRolledBackTransactionLeavesNoEntryAndCallsNoListener() {
        long id = blog("kept", 1, 1);

        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            session.remove(session.find(CascadeBlog.class, id));
            session.flush();
            assertThat(NOTIFIED).as("not before commit").isEmpty();
            session.getTransaction().rollback();
        }

        assertThat(table()).isEmpty();
        assertThat(NOTIFIED).isEmpty();
    }

    @Test
    void theListenerRunsAfterTheCommitAndSeesTheCommittedRows() {
        long id = blog("seen", 1, 0);

        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            session.remove(session.find(CascadeBlog.class, id));
            session.flush();
            assertThat(NOTIFIED).isEmpty();
            session.getTransaction().commit();
        }

        assertThat(NOTIFIED).hasSize(1);
        // read from another connection while the listener ran: the delete was committed by then
        assertThat(DELETED_BLOGS_SEEN).containsExactly(1);
    }

    @Test
    void eightThreadsDeletingAtOnceWriteExactlyOneRootEntryEach() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(blog("t" + i, 2, 2));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long id = ids.get(i);
                String actor = "worker-" + i;
                done.add(pool.submit(() -> {
                    ACTOR.set(actor);
                    start.await();
                    db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        List<Map<String, Object>> roots = db.rows("select operation_id, entity_id, actor from softdelete_history"
                + " where kind = 'DELETE'");
        assertThat(roots).hasSize(8);
        assertThat(roots).extracting(row -> row.get("entity_id")).containsExactlyInAnyOrderElementsOf(
                ids.stream().map(String::valueOf).toList());
        assertThat(roots).extracting(row -> row.get("operation_id")).doesNotHaveDuplicates();
        assertThat(db.rows("select row_count from softdelete_history where kind = 'CASCADE'")).hasSize(16)
                .allSatisfy(row -> assertThat(((Number) row.get("row_count")).longValue()).isIn(2L, 4L));
        assertThat(notified()).filteredOn(entry -> entry.kind() == Kind.DELETE).hasSize(8)
                .extracting(HistoryEntry::actor).doesNotHaveDuplicates();
    }

    @Test
    void aBulkDeleteAHardDeleteAndAPurgeEachWriteTheirEntries() {
        blog("bulk-1", 1, 1);
        blog("bulk-2", 1, 1);
        long erased = blog("erase", 2, 0);

        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog b where b.title like 'bulk%'").executeUpdate());
        db.inTransaction(s -> s.hardDelete(CascadeBlog.class, erased));

        assertThat(table()).extracting(row -> row.get("kind"), row -> row.get("entity_name"), row -> row.get("entity_id"),
                row -> ((Number) row.get("row_count")).longValue()).containsExactlyInAnyOrder(
                tuple("DELETE", CascadeBlog.class.getName(), null, 2L),
                tuple("CASCADE", CascadePost.class.getName(), null, 2L),
                tuple("CASCADE", CascadeComment.class.getName(), null, 2L),
                tuple("HARD_DELETE", CascadeBlog.class.getName(), Long.toString(erased), 1L),
                tuple("HARD_DELETE", CascadePost.class.getName(), null, 2L));

        CLOCK.set(NOW.minus(Duration.ofDays(10)));
        db.inTransaction(s -> {
            for (long i = 1; i <= 3; i++) {
                s.persist(new PurgeItem(i));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeItem").executeUpdate());
        CLOCK.set(NOW);
        Purger.of(db.sessionFactory()).only(PurgeItem.class).clock(CLOCK).run();

        assertThat(db.rows("select row_count from softdelete_history where kind = 'PURGE' and entity_name = ?",
                PurgeItem.class.getName())).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("row_count")).longValue()).isEqualTo(3));
    }
}
