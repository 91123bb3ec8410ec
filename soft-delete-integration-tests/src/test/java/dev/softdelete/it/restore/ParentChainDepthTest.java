package dev.softdelete.it.restore;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore {@code WITH_PARENTS} brings back up to 64 deleted ancestors of the row, and refuses a longer
 * chain (a cycle of rows deleted by different deletes would never end) before it changes anything.
 */
class ParentChainDepthTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeNode.class);

    /** A chain of nodes, top first, each deleted by a delete of its own from the bottom up; the leaf's id. */
    private static long chainDeletedBottomUp(int length) {
        List<Long> ids = db.fromTransaction(s -> {
            List<CascadeNode> nodes = new ArrayList<>(List.of(new CascadeNode("n0")));
            for (int i = 1; i < length; i++) {
                nodes.add(nodes.get(i - 1).child("n" + i));
            }
            s.persist(nodes.get(0));
            return nodes.stream().map(CascadeNode::getId).toList();
        });
        for (int i = length - 1; i >= 0; i--) {
            long id = ids.get(i);
            db.inTransaction(s -> s.remove(s.find(CascadeNode.class, id)));
        }
        return ids.get(length - 1);
    }

    private static long deletedNodes() {
        return db.rows("select id from cascade_node where deleted_at is not null").size();
    }

    @Test
    void sixtyFourDeletedAncestorsComeBackWithTheRow() {
        long leaf = chainDeletedBottomUp(65);
        boolean restored = db.fromTransaction(s -> s.restore(CascadeNode.class, leaf, RestoreOption.WITH_PARENTS));

        assertThat(restored).isTrue();

        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aLongerChainIsRefusedBeforeAnythingChanges() {
        long leaf = chainDeletedBottomUp(66);

        db.inTransaction(s -> assertThatThrownBy(() -> s.restore(CascadeNode.class, leaf, RestoreOption.WITH_PARENTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CascadeNode.class.getName())
                .hasMessageContaining("more than 64 levels deep"));

        assertThat(deletedNodes()).isEqualTo(66);
    }
}
