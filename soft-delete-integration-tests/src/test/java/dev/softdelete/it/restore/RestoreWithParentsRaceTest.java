package dev.softdelete.it.restore;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.it.support.TwoSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two restores {@link RestoreOption#WITH_PARENTS} of rows of one chain of deleted parents, racing, as a
 * trash page's "restore with parents" clicked twice sends them. Each row of the chain was deleted by a
 * delete of its own, the lowest first, so every restore must bring the parents back first. The
 * interleaving is forced: the first restore stops before it locks its second row exclusive, the second
 * starts, and the first goes on once the database shows the second waiting for a lock (or the second
 * has ended).
 * <p>
 * A restore used to lock the row's deleted parent shared, then the row, then the parent exclusive to
 * restore it: the second restore took the same shared lock and waited for the row, and the first then
 * waited for the second's shared lock, a deadlock on PostgreSQL and MariaDB (H2 takes its read locks
 * exclusive, so the second waited at the parent there).
 */
class RestoreWithParentsRaceTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeNode.class);

    @RegisterExtension
    final TwoSessions sessions = new TwoSessions(db);

    /**
     * A chain of nodes, top first, each deleted by a delete of its own from the bottom up, so that none
     * comes back with another's cascade; returns their ids, top first.
     */
    private static List<Long> chainDeletedBottomUp(int length) {
        List<Long> ids = db.fromTransaction(s -> {
            CascadeNode top = new CascadeNode("n0");
            List<CascadeNode> nodes = new ArrayList<>(List.of(top));
            for (int i = 1; i < length; i++) {
                nodes.add(nodes.get(i - 1).child("n" + i));
            }
            s.persist(top);
            return nodes.stream().map(CascadeNode::getId).toList();
        });
        for (int i = length - 1; i >= 0; i--) {
            long id = ids.get(i);
            db.inTransaction(s -> s.remove(s.find(CascadeNode.class, id)));
        }
        assertThat(deleted(ids)).hasSize(length);
        return ids;
    }

    /** The case that deadlocked (class comment). */
    @Test
    void twoRestoresOfAChildWithItsDeletedParentQueue() throws Exception {
        List<Long> chain = chainDeletedBottomUp(2);
        long child = chain.get(1);

        raceTwoRestores(child, child, List.of(true, false));

        assertThat(deleted(chain)).isEmpty();
    }

    /**
     * Both restore the whole chain: the second waits at its top, holding nothing. Restoring each
     * parent after locking it shared, the first stopped holding the leaf and a shared lock on the
     * middle, which the second took too: the deadlock of the class comment.
     */
    @Test
    void twoRestoresOfALeafUnderTwoDeletedParentsQueue() throws Exception {
        List<Long> chain = chainDeletedBottomUp(3);
        long leaf = chain.get(2);

        raceTwoRestores(leaf, leaf, List.of(true, false));

        assertThat(deleted(chain)).isEmpty();
    }

    /**
     * The two restores start at different rows of the chain, and both bring back the top first: the
     * second waits there, then restores only its own row.
     */
    @Test
    void aRestoreOfTheMiddleAndOneOfTheLeafQueue() throws Exception {
        List<Long> chain = chainDeletedBottomUp(3);

        raceTwoRestores(chain.get(1), chain.get(2), List.of(true, true));

        assertThat(deleted(chain)).isEmpty();
    }

    /**
     * Two {@code restoreAll} calls {@code WITH_PARENTS} of two children whose parent another delete
     * marked after theirs. The first call stops before it locks the parent exclusive. It used to hold the
     * parent shared by then (locked with the rows' other parents), and so did the second: a deadlock on
     * PostgreSQL and MariaDB. Now it restores the parent before taking any lock, so the second call
     * either restores everything while the first is stopped, or waits for it.
     */
    @Test
    void twoRestoresOfAListUnderADeletedParentDoNotDeadlock() throws Exception {
        long top = topWithTwoChildren();
        List<Long> children = childrenOf(top);
        for (long child : children) {
            db.inTransaction(s -> s.remove(s.find(CascadeNode.class, child)));
        }
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, top)));

        raceTwoRestoreAlls(top, children);
    }

    /**
     * As {@link #twoRestoresOfAListUnderADeletedParentDoNotDeadlock}, with the children deleted by their
     * parent's delete: the parent is marked by the rows' own operation, yet their cascades do not bring
     * it back (they reach only what lies below them), so it is restored first too.
     */
    @Test
    void twoRestoresOfAListWhoseParentsDeleteMarkedThemDoNotDeadlock() throws Exception {
        long top = topWithTwoChildren();
        List<Long> children = childrenOf(top);
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, top)));

        raceTwoRestoreAlls(top, children);
    }

    private static long topWithTwoChildren() {
        return db.fromTransaction(s -> {
            CascadeNode root = new CascadeNode("top");
            root.child("a");
            root.child("b");
            s.persist(root);
            return root.getId();
        });
    }

    private static List<Long> childrenOf(long top) {
        return db.rows("select id from cascade_node where parent_id = ?", top).stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    /** The first call stops before its first row lock; both must end without error, one restoring both. */
    private void raceTwoRestoreAlls(long top, List<Long> children) throws Exception {
        StatementPause pause = StatementPause.before(1, RestoreWithParentsRaceTest::rowLock);
        Future<Integer> first = sessions.firstUntil(pause,
                s -> s.restoreAll(CascadeNode.class, children, RestoreOption.WITH_PARENTS));
        Future<Integer> second = sessions.second(
                s -> s.restoreAll(CascadeNode.class, children, RestoreOption.WITH_PARENTS));
        LockWaits.awaitBlockedOrDone(db, second, 10, TimeUnit.SECONDS);
        pause.resume();

        assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                .as("one call restored both children").containsExactlyInAnyOrder(0, 2);
        assertThat(deleted(List.of(top, children.get(0), children.get(1)))).isEmpty();
    }

    /**
     * Runs the first restore up to the lock of its second row, starts the second, and lets the first go
     * on once the second waits (or has ended); both must end without error, with the given results.
     */
    private void raceTwoRestores(long firstId, long secondId, List<Boolean> expected) throws Exception {
        StatementPause pause = beforeSecondRowLock();
        Future<Boolean> first = sessions.firstUntil(pause,
                s -> s.restore(CascadeNode.class, firstId, RestoreOption.WITH_PARENTS));
        Future<Boolean> second = sessions.second(
                s -> s.restore(CascadeNode.class, secondId, RestoreOption.WITH_PARENTS));
        assertThat(LockWaits.awaitBlockedOrDone(db, second, 10, TimeUnit.SECONDS))
                .as("the second restore waits for the first").isTrue();
        pause.resume();

        assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                .as("first and second restore").isEqualTo(expected);
    }

    /**
     * Before the second row a restore locks exclusive to restore it: the row's parent, where a restore
     * held the row and a shared lock on the parent; the row, where it restores the parent first.
     */
    static StatementPause beforeSecondRowLock() {
        return StatementPause.before(2, RestoreWithParentsRaceTest::rowLock);
    }

    /** A restore's exclusive lock of the row it restores. */
    private static boolean rowLock(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        // the lock ends in "for update", or "for no key update" on PostgreSQL
        return lower.contains("select deleted_at, delete_operation from cascade_node") && lower.endsWith("update");
    }

    private static List<Object> deleted(List<Long> ids) {
        return db.rows("select id from cascade_node where deleted_at is not null").stream()
                .map(row -> row.get("id")).filter(id -> ids.contains(((Number) id).longValue())).toList();
    }
}
