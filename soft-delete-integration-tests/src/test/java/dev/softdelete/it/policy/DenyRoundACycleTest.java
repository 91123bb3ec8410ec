package dev.softdelete.it.policy;

import dev.softdelete.hibernate.DeleteDeniedException;
import dev.softdelete.hibernate.Impact;
import dev.softdelete.it.model.PolicyRingHold;
import dev.softdelete.it.model.PolicyRingNode;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.softdelete.it.support.Refusals.denial;
import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check a delete runs before it writes, towards {@code DENY} associations, over live rows that lead
 * back to each other (a ring of REMOVE cascades): it finds a hold anywhere round the ring, and ends
 * where the ring closes instead of refusing the delete as too deep.
 */
class DenyRoundACycleTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PolicyRingNode.class, PolicyRingHold.class);

    /** Marks the check's query for rows met again: the walk's cycle test. */
    private static final String CYCLE_TEST = "sd_old";

    /** {@code size} live nodes, each cascading to the next; the last to the first when {@code closed}. */
    private static long[] nodes(int size, boolean closed) {
        return db.fromTransaction(s -> {
            PolicyRingNode[] nodes = new PolicyRingNode[size];
            for (int i = 0; i < size; i++) {
                nodes[i] = new PolicyRingNode();
                s.persist(nodes[i]);
            }
            for (int i = 0; i + 1 < size; i++) {
                nodes[i].setNext(nodes[i + 1]);
            }
            if (closed) {
                nodes[size - 1].setNext(nodes[0]);
            }
            s.flush();
            long[] ids = new long[size];
            for (int i = 0; i < size; i++) {
                ids[i] = nodes[i].getId();
            }
            return ids;
        });
    }

    private static long hold(long node) {
        return db.fromTransaction(s -> {
            PolicyRingHold hold = new PolicyRingHold(s.getReference(PolicyRingNode.class, node));
            s.persist(hold);
            return hold.getId();
        });
    }

    private static long deletedNodes() {
        return db.rows("select id from policy_ring_node where deleted_at is not null").size();
    }

    @Test
    void aRingOfLiveRowsIsDeletedWhole() {
        long[] ring = nodes(3, true);

        db.inTransaction(s -> s.remove(s.find(PolicyRingNode.class, ring[0])));

        assertThat(deletedNodes()).isEqualTo(3);
    }

    @Test
    void aLiveHoldAnywhereRoundALongRingRefusesTheRemoveAndNothingIsWritten() {
        long[] ring = nodes(20, true);
        hold(ring[15]);

        Throwable[] thrown = new Throwable[1];
        SqlRecorder sql = db.record(() -> thrown[0] = thrown(() -> db.inTransaction(s ->
                s.remove(s.find(PolicyRingNode.class, ring[0])))));

        DeleteDeniedException denied = denial(thrown[0]);
        assertThat(denied.refusal().attribute()).isEqualTo("holds");
        assertThat(denied.refusal().liveRows()).isEqualTo(1);

        assertThat(sql.count(StatementKind.UPDATE)).isZero();
        assertThat(deletedNodes()).isZero();
        Impact preview = db.fromTransaction(s -> s.previewDelete(PolicyRingNode.class, ring[0]));
        assertThat(preview.refusals()).singleElement().satisfies(refusal -> assertThat(refusal.attribute()).isEqualTo("holds"));
    }

    @Test
    void aBulkDeleteOfARingWithALiveHoldIsRefusedAndItsOwnUpdateRolledBack() {
        long[] ring = nodes(5, true);
        hold(ring[3]);

        Throwable thrown = thrown(() -> db.inTransaction(s -> s.createMutationQuery(
                "delete from PolicyRingNode n where n.id = :id").setParameter("id", ring[0]).executeUpdate()));

        assertThat(denial(thrown).refusal().attribute()).isEqualTo("holds");
        assertThat(deletedNodes()).isZero();
    }

    @Test
    void aRingWhoseHoldsAreDeletedIsDeletedWhole() {
        long[] ring = nodes(20, true);
        long hold = hold(ring[15]);
        db.inTransaction(s -> s.remove(s.find(PolicyRingHold.class, hold)));

        db.inTransaction(s -> s.createMutationQuery("delete from PolicyRingNode n where n.id = :id")
                .setParameter("id", ring[0]).executeUpdate());

        assertThat(deletedNodes()).isEqualTo(20);
        Impact preview = db.fromTransaction(s -> s.previewRestore(PolicyRingNode.class, ring[0]));
        assertThat(preview.rows(PolicyRingNode.class)).isEqualTo(20);
    }

    @Test
    void aShallowChainPaysNoCycleTest() {
        long[] chain = nodes(4, false);
        hold(chain[3]);

        SqlRecorder refused = db.record(() -> thrown(() -> db.inTransaction(s ->
                s.remove(s.find(PolicyRingNode.class, chain[0])))));
        db.inTransaction(s -> s.createMutationQuery("delete from PolicyRingHold").executeUpdate());
        SqlRecorder deleted = db.record(() -> db.inTransaction(s -> s.remove(s.find(PolicyRingNode.class, chain[0]))));

        assertThat(deletedNodes()).isEqualTo(4);
        for (SqlRecorder sql : new SqlRecorder[] {refused, deleted}) {
            assertThat(sql.statements().stream().anyMatch(statement -> statement.sql().contains(CYCLE_TEST)))
                    .as("a statement testing for rows met again").isFalse();
        }
    }
}
