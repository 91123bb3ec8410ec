package dev.softdelete.it.restore;

import dev.softdelete.it.model.CascadeTwinNode;
import dev.softdelete.it.model.PolicyRingHold;
import dev.softdelete.it.model.PolicyRingNode;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.it.support.TwoSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two restores of different rows of one ring (every row cascades REMOVE to the next, the last to the
 * first), racing in two sessions. Each restore brings the whole ring back, so each writes the row the
 * other starts from. The interleaving is forced: the first restore stops before its cascade's first
 * UPDATE, having restored its own row; the second starts, and the first goes on only once the database
 * shows the second waiting for a lock (or the second has ended).
 * <p>
 * Without the ring's locks, the second locked its own parent and row and then waited for the first's
 * parent, which the first's cascade held, while the first's cascade waited for the second's parent: a
 * deadlock, one of the two failing (seen on H2, PostgreSQL and MariaDB). With them, the second waits at
 * the ring's first row holding nothing the first needs, then finds its row restored.
 */
class RingRestoreRaceTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PolicyRingNode.class, PolicyRingHold.class,
            CascadeTwinNode.class);

    @RegisterExtension
    final TwoSessions sessions = new TwoSessions(db);

    /** {@code size} nodes, each cascading to the next and the last to the first, all deleted by one remove. */
    private static long[] deletedRing(int size) {
        long before = deletedNodes();
        long[] ring = Rings.create(db, size);
        db.inTransaction(s -> s.remove(s.find(PolicyRingNode.class, ring[0])));
        assertThat(deletedNodes()).isEqualTo(before + size);
        return ring;
    }

    private static long deletedNodes() {
        return db.rows("select id from policy_ring_node where deleted_at is not null").size();
    }

    /** Before the second UPDATE of the table: the first restores the row itself, the second is the cascade's. */
    private static StatementPause beforeTheCascade() {
        return StatementPause.before(2, sql -> sql.toLowerCase(Locale.ROOT).startsWith("update policy_ring_node"));
    }

    /** Restores the node on the first thread, and returns once it stopped at the pause. */
    private Future<Boolean> restoreOnFirstThread(long node, StatementPause pause) throws InterruptedException {
        return sessions.firstUntil(pause, s -> s.restore(PolicyRingNode.class, node));
    }

    @Test
    void twoRestoresOfRowsOfOneRingQueueInsteadOfDeadlocking() throws Exception {
        long[] ring = deletedRing(4);
        StatementPause pause = beforeTheCascade();
        Future<Boolean> firstRestore = restoreOnFirstThread(ring[0], pause);
        Future<Boolean> secondRestore = sessions.second(s -> s.restore(PolicyRingNode.class, ring[2]));
        assertThat(LockWaits.awaitBlockedOrDone(db, secondRestore, 10, TimeUnit.SECONDS))
                .as("the second restore waits for the first").isTrue();
        pause.resume();

        assertThat(firstRestore.get(30, TimeUnit.SECONDS)).as("the first restore brought the ring back").isTrue();
        assertThat(secondRestore.get(30, TimeUnit.SECONDS)).as("the second found its row restored").isFalse();
        assertThat(deletedNodes()).isZero();
    }

    /**
     * A ring of three (each node's twin is the next) whose nodes have a child each, the middle node's
     * child with the lowest id of all. The restore of the third node walks its cascade only as far as it
     * needs to find its parent on the ring, and that walk does not reach the middle node's child; the
     * restore of the first node's does. Locking what each walk reached, the two would lock sets whose
     * first rows differ: the second restore, starting from the middle child, would hold it while waiting
     * for the first, whose cascade must write it (a deadlock on the three databases). Both lock every row
     * of the delete instead.
     */
    @Test
    void restoresWhoseWalksReachDifferentRowsStillQueue() throws Exception {
        long[] ids = db.fromTransaction(s -> {
            CascadeTwinNode[] nodes = new CascadeTwinNode[6]; // middle child, first, middle, last, first child, last child
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = new CascadeTwinNode();
                s.persist(nodes[i]);
            }
            nodes[0].setParent(nodes[2]);
            nodes[4].setParent(nodes[1]);
            nodes[5].setParent(nodes[3]);
            nodes[1].setTwin(nodes[2]);
            nodes[2].setTwin(nodes[3]);
            nodes[3].setTwin(nodes[1]);
            s.flush();
            return Arrays.stream(nodes).mapToLong(CascadeTwinNode::getId).toArray();
        });
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[1])));
        assertThat(deletedTwins()).isEqualTo(6);
        StatementPause pause = StatementPause.before(2,
                sql -> sql.toLowerCase(Locale.ROOT).startsWith("update cascade_twin_node"));

        Future<Boolean> fromTheLast = sessions.firstUntil(pause, s -> s.restore(CascadeTwinNode.class, ids[3]));
        Future<Boolean> fromTheFirst = sessions.second(s -> s.restore(CascadeTwinNode.class, ids[1]));
        assertThat(LockWaits.awaitBlockedOrDone(db, fromTheFirst, 10, TimeUnit.SECONDS))
                .as("the second restore waits for the first").isTrue();
        pause.resume();

        assertThat(fromTheLast.get(30, TimeUnit.SECONDS)).as("the first restore brought the ring back").isTrue();
        assertThat(fromTheFirst.get(30, TimeUnit.SECONDS)).as("the second found its row restored").isFalse();
        assertThat(deletedTwins()).isZero();
    }

    private static long deletedTwins() {
        return db.rows("select id from cascade_twin_node where deleted_at is not null").size();
    }

    @Test
    void aRestoreOfARowOfADifferentRingDoesNotWait() throws Exception {
        long[] ring = deletedRing(3);
        long[] other = deletedRing(3);
        StatementPause pause = beforeTheCascade();
        Future<Boolean> firstRestore = restoreOnFirstThread(ring[1], pause);
        try {
            boolean restored = db.fromTransaction(s -> s.restore(PolicyRingNode.class, other[2]));

            // had it waited for the first restore's locks, it would have returned only after that one ended
            assertThat(firstRestore).as("the first restore, still paused").isNotDone();
            assertThat(restored).isTrue();
            assertThat(db.rows("select id from policy_ring_node where deleted_at is null and id in (?, ?, ?)",
                    other[0], other[1], other[2])).hasSize(3);
        }
        finally {
            pause.resume();
        }
        assertThat(firstRestore.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(deletedNodes()).isZero();
    }
}
