package dev.softdelete.it.restore;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.it.model.CascadeMember;
import dev.softdelete.it.model.CascadeRows;
import dev.softdelete.it.model.CascadeTeam;
import dev.softdelete.it.model.CascadeTwinNode;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row the cascade restore reaches whose other parent the same delete marked comes back only if that
 * parent does: after it when it lies deeper in the same tree, never when the restore leaves it deleted
 * (another root of a bulk delete, or a row below one kept deleted).
 */
class HeldBackRowsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeTeam.class, CascadeMember.class,
            CascadeTwinNode.class);

    /** A live member of a deleted team: what no restore may leave. */
    private static final String LIVE_MEMBER_OF_DELETED_TEAM = "select m.id from cascade_member m"
            + " join cascade_team_member l on l.members_id = m.id join cascade_team t on t.id = l.cascade_team_id"
            + " where t.deleted_at is not null and m.deleted_at is null";

    /** A live node whose parent, or a node whose twin it is, is deleted: what no restore may leave. */
    private static final String LIVE_NODE_UNDER_DELETED = "select n.id from cascade_twin_node n"
            + " where n.deleted_at is null and (exists (select 1 from cascade_twin_node p where p.id = n.parent_id"
            + " and p.deleted_at is not null) or exists (select 1 from cascade_twin_node o where o.twin_id = n.id"
            + " and o.deleted_at is not null))";

    private static boolean deleted(String table, long id) {
        return db.row(table, id).get("deleted_at") != null;
    }

    /** Two teams sharing a member, each with one of its own: the teams' ids, the shared and the own members'. */
    private static long[] twoTeams() {
        return db.fromTransaction(s -> {
            CascadeMember shared = new CascadeMember("shared");
            CascadeMember first = new CascadeMember("first");
            CascadeMember second = new CascadeMember("second");
            CascadeTeam one = new CascadeTeam();
            CascadeTeam two = new CascadeTeam();
            one.getMembers().add(shared);
            one.getMembers().add(first);
            two.getMembers().add(shared);
            two.getMembers().add(second);
            s.persist(one);
            s.persist(two);
            return new long[] {one.getId(), two.getId(), shared.getId(), first.getId(), second.getId()};
        });
    }

    private static void bulkDelete(long... teams) {
        int marked = db.fromTransaction(s -> s.createMutationQuery("delete from CascadeTeam where id in (:ids)")
                .setParameterList("ids", List.of(teams[0], teams[1])).executeUpdate());
        assertThat(marked).isEqualTo(2);
    }

    @Test
    void restoringOneRootOfABulkDeleteLeavesTheMemberItSharesWithAnotherRootDeleted() {
        long[] ids = twoTeams();
        bulkDelete(ids[0], ids[1]); // one operation marks both teams and their three members
        assertThat(deleted("cascade_member", ids[2])).isTrue();

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTeam.class, ids[0]));

        assertThat(restored).isTrue();
        assertThat(deleted("cascade_member", ids[3])).as("its own member").isFalse();
        assertThat(deleted("cascade_member", ids[2])).as("the other team, still deleted, holds it").isTrue();
        assertThat(deleted("cascade_member", ids[4])).isTrue();
        assertThat(db.rows(LIVE_MEMBER_OF_DELETED_TEAM)).isEmpty();
        CascadeMember found = db.fromTransaction(s -> s.find(CascadeMember.class, ids[2]));
        assertThat(found).isNull();

        // the other root back: the shared member comes back with it, both its teams now live
        boolean second = db.fromTransaction(s -> s.restore(CascadeTeam.class, ids[1]));
        assertThat(second).isTrue();
        assertThat(deleted("cascade_member", ids[2])).isFalse();
        assertThat(deleted("cascade_member", ids[4])).isFalse();
    }

    @Test
    void restoreAllOfSomeRootsOfABulkDeleteLeavesTheSharedMemberDeletedToo() {
        long[] ids = twoTeams();
        bulkDelete(ids[0], ids[1]);

        int restored = db.fromTransaction(s -> s.restoreAll(CascadeTeam.class, List.of(ids[0])));

        assertThat(restored).isEqualTo(1);
        assertThat(deleted("cascade_member", ids[3])).isFalse();
        assertThat(deleted("cascade_member", ids[2])).isTrue();
        assertThat(db.rows(LIVE_MEMBER_OF_DELETED_TEAM)).isEmpty();

        // both roots listed: the operation is undone whole, the shared member with it
        long[] again = twoTeams();
        bulkDelete(again[0], again[1]);
        int both = db.fromTransaction(s -> s.restoreAll(CascadeTeam.class, List.of(again[0], again[1])));
        assertThat(both).isEqualTo(2);
        assertThat(deleted("cascade_member", again[2])).isFalse();
        assertThat(deleted("cascade_member", again[3])).isFalse();
        assertThat(deleted("cascade_member", again[4])).isFalse();
    }

    @Test
    void rowWhoseOtherParentLiesBelowARowKeptDeletedStaysDeleted() {
        // root: x and y; y is also the twin of a node deleted on its own; y: z; x: w; z is w's other parent
        long[] ids = db.fromTransaction(s -> {
            CascadeTwinNode root = new CascadeTwinNode();
            CascadeTwinNode x = root.child();
            CascadeTwinNode y = root.child();
            CascadeTwinNode z = y.child();
            CascadeTwinNode w = x.child();
            z.setTwin(w);
            CascadeTwinNode elsewhere = new CascadeTwinNode();
            elsewhere.setTwin(y);
            s.persist(root);
            s.persist(elsewhere);
            return new long[] {root.getId(), x.getId(), y.getId(), z.getId(), w.getId(), elsewhere.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[5]))); // y is deleted already

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, ids[0]));

        assertThat(restored).isTrue();
        assertThat(deleted("cascade_twin_node", ids[1])).as("x").isFalse();
        assertThat(deleted("cascade_twin_node", ids[2])).as("y: the other node's delete would have taken it").isTrue();
        assertThat(deleted("cascade_twin_node", ids[3])).as("z, below y").isTrue();
        assertThat(deleted("cascade_twin_node", ids[4])).as("w: z, which holds it too, stays deleted").isTrue();
        assertThat(db.rows(LIVE_NODE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void rowWhoseOtherParentLiesDeeperInTheSameDeleteComesBackWithWhatIsBelowIt() {
        // root: a and b; b: c; c is a's other parent (two levels below the root, a one); a: d
        long[] ids = db.fromTransaction(s -> {
            CascadeTwinNode root = new CascadeTwinNode();
            CascadeTwinNode a = root.child();
            CascadeTwinNode b = root.child();
            CascadeTwinNode c = b.child();
            CascadeTwinNode d = a.child();
            c.setTwin(a);
            s.persist(root);
            return new long[] {root.getId(), a.getId(), b.getId(), c.getId(), d.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, ids[0]));

        assertThat(restored).isTrue();
        for (long id : ids) {
            assertThat(deleted("cascade_twin_node", id)).as("node %d", id).isFalse();
        }
    }

    @Test
    void twinsHeldBackForEachOtherComeBackAfterTheWalkWithWhatIsBelowThem() {
        long[] ids = db.fromTransaction(CascadeRows::twinsUnderRoot);
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));

        SqlRecorder sql = db.record(() -> {
            boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, ids[0]));
            assertThat(restored).isTrue();
        });

        for (long id : ids) {
            assertThat(deleted("cascade_twin_node", id)).as("node %d", id).isFalse();
        }
        // the twins come back in one statement after the walk, not one each
        assertThat(sql.statements().stream().filter(statement -> statement.kind() == StatementKind.UPDATE
                && statement.sql().toLowerCase().endsWith(" and id in (?, ?)"))).hasSize(1);
    }

    @Test
    void rowWhoseOtherParentLiesBelowItInTheSameDeleteComesBackWithIt() {
        // root: r; r: p; p's twin is r (an association that cascades both ways); and a cycle of three:
        // root: s; s: x; x: q; q's twin is s
        long[] ids = db.fromTransaction(s -> {
            CascadeTwinNode root = new CascadeTwinNode();
            CascadeTwinNode r = root.child();
            CascadeTwinNode p = r.child();
            p.setTwin(r);
            CascadeTwinNode sNode = root.child();
            CascadeTwinNode x = sNode.child();
            CascadeTwinNode q = x.child();
            q.setTwin(sNode);
            s.persist(root);
            return new long[] {root.getId(), r.getId(), p.getId(), sNode.getId(), x.getId(), q.getId()};
        });
        // the previews meet the same rows again round each cycle, and stop there
        Impact deleting = db.fromTransaction(s -> s.previewDelete(CascadeTwinNode.class, ids[0]));
        assertThat(deleting.rows(CascadeTwinNode.class)).isEqualTo(ids.length);
        Impact bulk = db.fromTransaction(s -> s.previewBulkDelete("delete from CascadeTwinNode n where n.id = :id",
                Map.of("id", ids[0])));
        assertThat(bulk.rows(CascadeTwinNode.class)).isEqualTo(ids.length);
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));
        Impact restoring = db.fromTransaction(s -> s.previewRestore(CascadeTwinNode.class, ids[0]));
        assertThat(restoring.rows(CascadeTwinNode.class)).isEqualTo(ids.length);

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, ids[0]));

        assertThat(restored).isTrue();
        for (long id : ids) {
            assertThat(deleted("cascade_twin_node", id)).as("node %d", id).isFalse();
        }
    }
}
