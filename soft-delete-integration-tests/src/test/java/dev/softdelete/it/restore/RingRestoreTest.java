package dev.softdelete.it.restore;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.it.model.PolicyRingHold;
import dev.softdelete.it.model.PolicyRingNode;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows that lead back to each other (a ring whose every row cascades REMOVE to the next) go in one
 * delete and come back in one restore, from any row of the ring: the deleted parent of the restored
 * row lies on its own cascade and comes back with it. A parent that a restore would not bring back
 * (another delete keeps the way to it deleted) still refuses it, with nothing changed.
 */
class RingRestoreTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PolicyRingNode.class, PolicyRingHold.class);

    /** {@code size} nodes, each cascading to the next and the last to the first. */
    private static long[] ring(int size) {
        return Rings.create(db, size);
    }

    private static void remove(long node) {
        db.inTransaction(s -> s.remove(s.find(PolicyRingNode.class, node)));
    }

    private static long deletedNodes() {
        return db.rows("select id from policy_ring_node where deleted_at is not null").size();
    }

    /** A node outside the ring whose next is {@code node}: a second parent of that ring row. */
    private static long outsiderBefore(long node) {
        return db.fromTransaction(s -> {
            PolicyRingNode outsider = new PolicyRingNode();
            outsider.setNext(s.getReference(PolicyRingNode.class, node));
            s.persist(outsider);
            return outsider.getId();
        });
    }

    /**
     * Restoring {@code ring[0]}, alone or as a list, is refused for its parent {@code ring[2]}, and the
     * four deleted nodes stay deleted.
     */
    private static void assertRestoreOfFirstRowRefusedForParent(long[] ring) {
        Throwable refused = thrown(() -> db.inTransaction(s -> s.restore(PolicyRingNode.class, ring[0])));
        Throwable refusedAsList = thrown(() -> db.inTransaction(s -> s.restoreAll(PolicyRingNode.class, List.of(ring[0]))));

        for (Throwable refusal : List.of(refused, refusedAsList)) {
            assertThat(refusal).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PolicyRingNode#" + ring[2]).hasMessageContaining("still deleted");
        }
        assertThat(deletedNodes()).isEqualTo(4);
    }

    @Test
    void aRingIsRestoredWholeFromTheRowItsDeleteStartedAt() {
        long[] ring = ring(5);
        remove(ring[0]);

        boolean restored = db.fromTransaction(s -> s.restore(PolicyRingNode.class, ring[0]));

        assertThat(restored).isTrue();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aRingIsRestoredWholeFromAnyOfItsRows() {
        long[] ring = ring(12);
        remove(ring[0]);
        assertThat(deletedNodes()).isEqualTo(12);

        boolean restored = db.fromTransaction(s -> s.restore(PolicyRingNode.class, ring[7]));

        assertThat(restored).isTrue();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void withParentsDoesNotGoRoundTheRing() {
        long[] ring = ring(6);
        remove(ring[0]);

        boolean restored = db.fromTransaction(s -> s.restore(PolicyRingNode.class, ring[3], RestoreOption.WITH_PARENTS));

        assertThat(restored).isTrue();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aParentTheRestoreCannotReachStillRefusesItAndNothingChanges() {
        long[] ring = ring(3);
        // a second parent of ring[1], outside the ring, deleted by a later delete: the restore keeps
        // ring[1] deleted under it, so it cannot reach ring[2], the parent of ring[0]
        long outsider = outsiderBefore(ring[1]);
        remove(ring[0]);
        remove(outsider);
        assertThat(deletedNodes()).isEqualTo(4);

        assertRestoreOfFirstRowRefusedForParent(ring);
    }

    @Test
    void aRingComesBackWithTheRestoreOfEverythingDeletedSince() {
        Instant before = Instant.now().minusSeconds(1);
        long[] ring = ring(4);
        remove(ring[0]);

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(PolicyRingNode.class, before));

        assertThat(restored).isPositive();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aRingComesBackWithTheRestoreOfAListOfItsRows() {
        long[] ring = ring(4);
        remove(ring[0]);

        int restored = db.fromTransaction(s -> s.restoreAll(PolicyRingNode.class, List.of(ring[1], ring[2])));

        assertThat(restored).isPositive();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aRowOfTheRingHeldBackUnderAParentThatStaysDeletedRefusesTheRestore() {
        long[] ring = ring(3);
        // the outsider's own delete marks the ring with it: restoring ring[0] holds ring[1] back under
        // the outsider, which stays deleted, so ring[2], the parent of ring[0], would not come back
        long outsider = outsiderBefore(ring[1]);
        remove(outsider);
        assertThat(deletedNodes()).isEqualTo(4);

        assertRestoreOfFirstRowRefusedForParent(ring);
        boolean restoredFromTheOutsider = db.fromTransaction(s -> s.restore(PolicyRingNode.class, outsider));
        assertThat(restoredFromTheOutsider).isTrue();
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aRowThatIsItsOwnNextComesBack() {
        long[] ring = ring(1);
        remove(ring[0]);

        boolean restored = db.fromTransaction(s -> s.restore(PolicyRingNode.class, ring[0]));

        assertThat(restored).isTrue();
        assertThat(deletedNodes()).isZero();
    }
}
