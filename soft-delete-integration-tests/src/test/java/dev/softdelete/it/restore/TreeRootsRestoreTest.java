package dev.softdelete.it.restore;

import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code restoreDeletedSince} and {@code restoreAll} over the nodes of a deleted tree, whose rows are
 * each other's parents: every node below the top has a deleted parent, so it is left out of the groups
 * and restored on its own after them. The top's cascade has brought it back by then; one read per 500
 * rows tells so, where each node used to cost three statements (a tree of 201 nodes: 610).
 */
class TreeRootsRestoreTest {

    private static final int MIDDLES = 100;
    private static final int ROWS = 1 + 2 * MIDDLES;
    // statements the calls below need, whatever the number of nodes: reads, the top's UPDATE, one per level
    private static final int STATEMENTS_AT_MOST = 20;

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeNode.class);

    /** A top with {@link #MIDDLES} children of one child each, deleted by one remove; its ids, top first. */
    private static List<Long> deletedTree() {
        List<Long> ids = db.fromTransaction(s -> {
            CascadeNode top = new CascadeNode("top");
            List<CascadeNode> nodes = new ArrayList<>(List.of(top));
            for (int i = 0; i < MIDDLES; i++) {
                CascadeNode middle = top.child("m" + i);
                nodes.add(middle);
                nodes.add(middle.child("l" + i));
            }
            s.persist(top);
            s.flush();
            return nodes.stream().map(CascadeNode::getId).toList();
        });
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids.get(0))));
        assertThat(deletedNodes()).isEqualTo(ROWS);
        return ids;
    }

    private static long deletedNodes() {
        return db.rows("select id from cascade_node where deleted_at is not null").size();
    }

    @Test
    void restoreDeletedSinceSendsStatementsByLevelNotByNode() {
        Instant since = Instant.now().minusSeconds(60);
        deletedTree();
        int[] restored = new int[1];

        SqlRecorder sql = db.record(() -> restored[0] = db.fromTransaction(
                s -> s.restoreDeletedSince(CascadeNode.class, since)));

        assertThat(restored[0]).isEqualTo(ROWS);
        assertThat(deletedNodes()).isZero();
        assertThat(sql.statements()).as(sql.dump()).hasSizeLessThanOrEqualTo(STATEMENTS_AT_MOST);
    }

    @Test
    void restoreAllOfTheNodesSendsStatementsByLevelNotByNode() {
        List<Long> ids = new ArrayList<>(deletedTree());
        Collections.reverse(ids); // leaves first: the call orders them itself
        int[] restored = new int[1];

        SqlRecorder sql = db.record(() -> restored[0] = db.fromTransaction(
                s -> s.restoreAll(CascadeNode.class, ids)));

        assertThat(restored[0]).isEqualTo(ROWS);
        assertThat(deletedNodes()).isZero();
        assertThat(sql.statements()).as(sql.dump()).hasSizeLessThanOrEqualTo(STATEMENTS_AT_MOST);
    }

    @Test
    void aNodeDeletedByAnEarlierDeleteComesBackOnItsOwnAndCounts() {
        Instant since = Instant.now().minusSeconds(60);
        List<Long> ids = deletedTree();
        // restore the tree, delete one middle (with its leaf) on its own, then the top again: the middle
        // carries another operation than the rest, so the top's cascade leaves it, and it comes back alone
        db.inTransaction(s -> s.restore(CascadeNode.class, ids.get(0)));
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids.get(1))));
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids.get(0))));
        assertThat(deletedNodes()).isEqualTo(ROWS);

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeNode.class, since));

        assertThat(restored).isEqualTo(ROWS);
        assertThat(deletedNodes()).isZero();
    }
}
