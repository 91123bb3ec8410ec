package dev.softdelete.it.restore;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.UniqueCustomer;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore and a cascade delete racing in two sessions: whichever runs second waits for the first
 * and then sees its result, so no live child is left under a deleted parent. The interleaving is
 * forced: one transaction has written and not committed, the other starts, and the first commits
 * only once the database shows the second blocked on a lock (or the second has ended: the defect).
 */
class RestoreRaceTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class, CascadeComment.class,
            UniqueCustomer.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    /** A live blog with one post that was deleted on its own; returns {blog, post}. */
    private long[] blogWithDeletedPost() {
        CLOCK.set(NOW);
        long[] ids = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost post = blog.post("post");
            s.persist(blog);
            return new long[] {blog.getId(), post.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, ids[1])));
        CLOCK.set(NOW.plus(Duration.ofMinutes(1)));
        return ids;
    }

    private SoftDeleteSession open() {
        return SoftDeleteSession.wrap(db.sessionFactory().openSession());
    }

    @Test
    void restoreStartedWhileTheParentsDeleteIsUncommittedWaitsAndIsRefused() throws Exception {
        long[] ids = blogWithDeletedPost();
        try (SoftDeleteSession deleting = open()) {
            Transaction delete = deleting.beginTransaction();
            deleting.remove(deleting.find(CascadeBlog.class, ids[0]));
            deleting.flush();

            Future<Boolean> restore = other.submit(() -> {
                try (SoftDeleteSession restoring = open()) {
                    return restoring.fromTransaction(tx -> restoring.restore(CascadePost.class, ids[1]));
                }
            });
            LockWaits.awaitBlockedOrDone(db, restore, 10, TimeUnit.SECONDS);
            delete.commit();

            assertThat(outcome(restore)).contains("is still deleted");
        }
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void cascadeStartedWhileAChildsRestoreIsUncommittedWaitsAndTakesTheChild() throws Exception {
        long[] ids = blogWithDeletedPost();
        try (SoftDeleteSession restoring = open()) {
            Transaction restore = restoring.beginTransaction();
            assertThat(restoring.restore(CascadePost.class, ids[1])).isTrue();

            Future<Boolean> delete = other.submit(() -> {
                try (SoftDeleteSession deleting = open()) {
                    deleting.inTransaction(tx -> deleting.remove(deleting.find(CascadeBlog.class, ids[0])));
                    return true;
                }
            });
            LockWaits.awaitBlockedOrDone(db, delete, 10, TimeUnit.SECONDS);
            restore.commit();

            assertThat(delete.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is null"))
                .as("the cascade that waited for the restore takes the restored post with it").isEmpty();
    }

    @Test
    void secondOfTwoConcurrentRestoresOfOneRowFindsItLiveAndReturnsFalse() throws Exception {
        long[] ids = blogWithDeletedPost();
        try (SoftDeleteSession first = open()) {
            Transaction restore = first.beginTransaction();
            assertThat(first.restore(CascadePost.class, ids[1])).isTrue();

            Future<Boolean> second = other.submit(() -> {
                try (SoftDeleteSession restoring = open()) {
                    return restoring.fromTransaction(tx -> restoring.restore(CascadePost.class, ids[1]));
                }
            });
            LockWaits.awaitBlockedOrDone(db, second, 10, TimeUnit.SECONDS);
            restore.commit();

            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(1);
    }

    @Test
    void restoreOfAWindowStartedWhileAParentsDeleteIsUncommittedWaitsAndIsRefused() throws Exception {
        long[] ids = blogWithDeletedPost();
        try (SoftDeleteSession deleting = open()) {
            Transaction delete = deleting.beginTransaction();
            deleting.remove(deleting.find(CascadeBlog.class, ids[0]));
            deleting.flush();

            Future<Boolean> restore = other.submit(() -> {
                try (SoftDeleteSession restoring = open()) {
                    return restoring.fromTransaction(tx -> restoring.restoreDeletedSince(CascadePost.class, NOW) > 0);
                }
            });
            LockWaits.awaitBlockedOrDone(db, restore, 10, TimeUnit.SECONDS);
            delete.commit();

            assertThat(outcome(restore)).contains("is still deleted");
        }
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void secondOfTwoConcurrentRestoresOfAListFindsTheRowsLiveAndCountsNone() throws Exception {
        long[] first = blogWithDeletedPost();
        long[] second = blogWithDeletedPost();
        List<Long> posts = List.of(first[1], second[1]);
        try (SoftDeleteSession restoring = open()) {
            Transaction restore = restoring.beginTransaction();
            assertThat(restoring.restoreAll(CascadePost.class, posts)).isEqualTo(2);

            Future<Integer> again = other.submit(() -> {
                try (SoftDeleteSession restoringAgain = open()) {
                    return restoringAgain.fromTransaction(tx -> restoringAgain.restoreAll(CascadePost.class, posts));
                }
            });
            LockWaits.awaitBlockedOrDone(db, again, 10, TimeUnit.SECONDS);
            restore.commit();

            assertThat(again.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(2);
    }

    @Test
    void secondOfTwoConcurrentRestoresOfARowWithAUniqueKeyReturnsFalseRatherThanAConflictWithItself()
            throws Exception {
        long id = db.fromTransaction(s -> {
            UniqueCustomer carol = new UniqueCustomer("carol@example.com");
            s.persist(carol);
            return carol.getId();
        });
        db.inTransaction(s -> s.remove(s.find(UniqueCustomer.class, id)));
        try (SoftDeleteSession first = open()) {
            Transaction restore = first.beginTransaction();
            assertThat(first.restore(UniqueCustomer.class, id)).isTrue();

            // the second restore stops before its second statement on the table, after reading the marker
            StatementPause pause = StatementPause.before(2, sql -> sql.contains("unique_customer"));
            Future<Boolean> second = other.submit(() -> {
                try (SoftDeleteSession restoring = SoftDeleteSession.wrap(db.sessionFactory().withOptions()
                        .statementInspector(pause).openSession())) {
                    return restoring.fromTransaction(tx -> restoring.restore(UniqueCustomer.class, id));
                }
            });
            LockWaits.awaitBlockedOrDone(db, second, pause::isPaused, 10, TimeUnit.SECONDS);
            restore.commit();
            pause.resume();

            assertThat(outcome(second)).isEqualTo("not restored");
        }
        assertThat(db.rows("select id from unique_customer where deleted_at is null")).hasSize(1);
    }

    /** "restored" or the message of what the restore threw. */
    private static String outcome(Future<Boolean> restore) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            return restore.get(10, TimeUnit.SECONDS) ? "restored" : "not restored";
        }
        catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }
}
