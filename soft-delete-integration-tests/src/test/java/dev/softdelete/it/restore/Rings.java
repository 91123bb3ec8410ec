package dev.softdelete.it.restore;

import dev.softdelete.it.model.PolicyRingNode;
import dev.softdelete.it.support.TestSessionFactory;

import java.util.Arrays;

/** Rings of {@link PolicyRingNode}s for the ring tests: every node cascades REMOVE to the next. */
final class Rings {

    private Rings() {
    }

    /** {@code size} live nodes, each cascading to the next and the last to the first; their ids in ring order. */
    static long[] create(TestSessionFactory db, int size) {
        return db.fromTransaction(s -> {
            PolicyRingNode[] nodes = new PolicyRingNode[size];
            for (int i = 0; i < size; i++) {
                nodes[i] = new PolicyRingNode();
                s.persist(nodes[i]);
            }
            for (int i = 0; i < size; i++) {
                nodes[i].setNext(nodes[(i + 1) % size]);
            }
            s.flush();
            return Arrays.stream(nodes).mapToLong(PolicyRingNode::getId).toArray();
        });
    }
}
