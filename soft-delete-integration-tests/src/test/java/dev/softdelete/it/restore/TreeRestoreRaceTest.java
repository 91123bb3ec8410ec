package dev.softdelete.it.restore;

import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.it.support.TwoSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code restoreDeletedSince} calls over one deleted tree, racing: the rows of the window are each
 * other's parents. The interleaving is forced: the first call stops at a chosen statement, the second
 * starts, and the first goes on once the database shows the second waiting for a lock (or the second
 * has ended).
 */
class TreeRestoreRaceTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeNode.class);

    // before every delete of the tests: the window takes them all
    private static final Instant SINCE = Instant.now().minusSeconds(60);

    @RegisterExtension
    final TwoSessions sessions = new TwoSessions(db);

    /** A tree of seven nodes (a top, three middles, three leaves), deleted by one remove of its top. */
    private static void deletedTree() {
        long top = db.fromTransaction(s -> {
            CascadeNode root = new CascadeNode("top");
            for (int i = 0; i < 3; i++) {
                root.child("m" + i).child("l" + i);
            }
            s.persist(root);
            return root.getId();
        });
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, top)));
        assertThat(deletedNodes()).isEqualTo(7);
    }

    /** Restores the window on the first thread, and returns once it stopped at the pause. */
    private Future<Integer> restoreOnFirstThread(StatementPause pause) throws InterruptedException {
        return sessions.firstUntil(pause, s -> s.restoreDeletedSince(CascadeNode.class, SINCE));
    }

    private Future<Integer> restoreOnSecondThread() {
        return sessions.second(s -> s.restoreDeletedSince(CascadeNode.class, SINCE));
    }

    /**
     * The first call stops before it locks its roots. Had it locked their parents shared (the parents of
     * the middles and leaves are roots too), the second would lock them shared as well and wait for the
     * first to lock the top exclusive, and the first for the second: a deadlock on PostgreSQL and
     * MariaDB (H2 takes its read locks exclusive). Now it holds nothing there, so either may go first.
     */
    @Test
    void twoRestoresOfOneDeletedTreeDoNotDeadlock() throws Exception {
        deletedTree();
        StatementPause pause = StatementPause.before(1, sql -> {
            String lower = sql.toLowerCase(Locale.ROOT);
            return lower.contains("from cascade_node") && lower.contains("is not null order by") && lower.endsWith("update");
        });
        Future<Integer> firstCall = restoreOnFirstThread(pause);
        Future<Integer> secondCall = restoreOnSecondThread();
        LockWaits.awaitBlockedOrDone(db, secondCall, 10, TimeUnit.SECONDS);
        pause.resume();

        int restoredByFirst = firstCall.get(30, TimeUnit.SECONDS);
        int restoredBySecond = secondCall.get(30, TimeUnit.SECONDS);
        assertThat(List.of(restoredByFirst, restoredBySecond)).as("one call restored the tree").containsExactlyInAnyOrder(0, 7);
        assertThat(deletedNodes()).isZero();
    }

    /**
     * The first call stops before its cascade, having locked the top: the second waits, then finds the
     * tree restored, and counts none of it (it used to count the nodes below the top, which it found
     * live, as restored by itself).
     */
    @Test
    void theSecondOfTwoRestoresOfOneTreeWaitsAndCountsNothing() throws Exception {
        deletedTree();
        // the second UPDATE of the table: the first restores the top itself, the second is the cascade's
        StatementPause pause = StatementPause.before(2,
                sql -> sql.toLowerCase(Locale.ROOT).startsWith("update cascade_node"));
        Future<Integer> firstCall = restoreOnFirstThread(pause);
        Future<Integer> secondCall = restoreOnSecondThread();
        assertThat(LockWaits.awaitBlockedOrDone(db, secondCall, 10, TimeUnit.SECONDS))
                .as("the second call waits for the first").isTrue();
        pause.resume();

        assertThat(firstCall.get(30, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(secondCall.get(30, TimeUnit.SECONDS)).as("the rows the first call restored").isZero();
        assertThat(deletedNodes()).isZero();
    }

    /**
     * Two {@code restoreAll} calls of a node and its child, whose delete also marked a grandchild not in
     * the list: both rows are restored one at a time, the child first (the rows with a deleted parent
     * among them come first, then the others in id order). Restoring the child with its parent first
     * used to lock the parent shared, then the child, then the parent exclusive: the second call held
     * the same shared lock while waiting for the child, a deadlock on PostgreSQL and MariaDB. Now the
     * parent is restored first, in a restore of its own, and the second call waits there.
     */
    @Test
    void twoRestoresOfAListWhoseRowsGoOneAtATimeQueue() throws Exception {
        List<Long> chain = db.fromTransaction(s -> {
            CascadeNode top = new CascadeNode("top");
            CascadeNode middle = top.child("middle");
            CascadeNode leaf = middle.child("leaf");
            s.persist(top);
            return List.of(top.getId(), middle.getId(), leaf.getId());
        });
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, chain.get(0))));
        List<Long> listed = List.of(chain.get(0), chain.get(1));
        StatementPause pause = RestoreWithParentsRaceTest.beforeSecondRowLock();
        Future<Integer> firstCall = sessions.firstUntil(pause, s -> s.restoreAll(CascadeNode.class, listed));
        Future<Integer> secondCall = sessions.second(s -> s.restoreAll(CascadeNode.class, listed));
        assertThat(LockWaits.awaitBlockedOrDone(db, secondCall, 10, TimeUnit.SECONDS))
                .as("the second call waits for the first").isTrue();
        pause.resume();

        assertThat(firstCall.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(secondCall.get(30, TimeUnit.SECONDS)).as("the rows the first call restored").isZero();
        assertThat(deletedNodes()).isZero();
    }

    private static long deletedNodes() {
        return db.rows("select id from cascade_node where deleted_at is not null").size();
    }
}
