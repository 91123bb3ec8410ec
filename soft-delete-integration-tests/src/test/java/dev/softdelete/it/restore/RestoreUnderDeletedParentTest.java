package dev.softdelete.it.restore;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.CascadeHeld;
import dev.softdelete.it.model.CascadeHeldPart;
import dev.softdelete.it.model.CascadeHolderA;
import dev.softdelete.it.model.CascadeHolderB;
import dev.softdelete.it.model.CascadeMember;
import dev.softdelete.it.model.CascadeRows;
import dev.softdelete.it.model.CascadeTeam;
import dev.softdelete.it.model.CascadeTwinNode;
import dev.softdelete.it.model.PolicyAddress;
import dev.softdelete.it.model.PolicyCustomer;
import dev.softdelete.it.model.PolicyInvoice;
import dev.softdelete.it.model.PolicyLead;
import dev.softdelete.it.model.PolicyNote;
import dev.softdelete.it.model.PolicyOrder;
import dev.softdelete.it.model.PolicyRegion;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A restore never brings a row back live under a parent that is deleted, whichever association leads
 * there: the row restored itself is refused when a parent whose {@code DENY} policy reaches it is
 * deleted (as for a REMOVE cascade), and a row the cascade of the restore reaches stays deleted, with
 * the rows below it, while another of its parents is deleted, since that parent's delete would have
 * taken it. A restore and a delete of that other parent running together wait for each other.
 */
class RestoreUnderDeletedParentTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeHolderA.class, CascadeHolderB.class,
            CascadeHeld.class, CascadeHeldPart.class, CascadeTeam.class, CascadeMember.class, CascadeTwinNode.class,
            PolicyRegion.class, PolicyCustomer.class, PolicyOrder.class,
            PolicyInvoice.class, PolicyAddress.class, PolicyNote.class, PolicyLead.class);

    /** A held row live under a deleted holder B: what this class makes sure a restore never leaves. */
    private static final String LIVE_UNDER_DELETED_B = "select h.id from cascade_held h join cascade_holderb b"
            + " on h.holderb_id = b.id where b.deleted_at is not null and h.deleted_at is null";

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    /** Holder A, holder B, a row held by both and its part: their ids. */
    private static long[] heldByBoth() {
        return db.fromTransaction(CascadeRows::heldByBoth);
    }

    private static void deleteA(long id) {
        db.inTransaction(s -> s.remove(s.find(CascadeHolderA.class, id)));
    }

    private static void deleteB(long id) {
        db.inTransaction(s -> s.remove(s.find(CascadeHolderB.class, id)));
    }

    private static boolean deleted(String table, long id) {
        return db.row(table, id).get("deleted_at") != null;
    }

    private static boolean restore(Class<?> type, long id, RestoreOption... options) {
        Boolean restored = db.fromTransaction(s -> s.restore(type, id, options));
        return restored;
    }

    private static SoftDeleteSession open() {
        return SoftDeleteSession.wrap(db.sessionFactory().openSession());
    }

    @Test
    void orderWhoseDenyingCustomerIsDeletedIsNotRestoredUnlessItsParentsAreToo() {
        long[] ids = db.fromTransaction(s -> {
            PolicyCustomer customer = new PolicyCustomer("c");
            PolicyOrder order = customer.order("o-1");
            s.persist(customer);
            return new long[] {customer.getId(), order.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(PolicyOrder.class, ids[1])));
        // allowed: the customer's DENY association finds no live order
        db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, ids[0])));

        assertThatIllegalStateException()
                .isThrownBy(() -> db.inTransaction(s -> s.restore(PolicyOrder.class, ids[1])))
                .withMessageContaining("cannot restore " + PolicyOrder.class.getName() + "#" + ids[1])
                .withMessageContaining("its parent " + PolicyCustomer.class.getName() + "#" + ids[0])
                .withMessageContaining("RestoreOption.WITH_PARENTS");
        assertThat(deleted("policy_order", ids[1])).isTrue();
        // the list and the window take the same check (RootsRestore)
        assertThatIllegalStateException()
                .isThrownBy(() -> db.inTransaction(s -> s.restoreAll(PolicyOrder.class, List.of(ids[1]))))
                .withMessageContaining("its parent " + PolicyCustomer.class.getName() + "#" + ids[0]);
        assertThatIllegalStateException()
                .isThrownBy(() -> db.inTransaction(s -> s.restoreDeletedSince(PolicyOrder.class,
                        Instant.now().minusSeconds(3600))))
                .withMessageContaining("its parent " + PolicyCustomer.class.getName() + "#" + ids[0]);
        assertThat(deleted("policy_order", ids[1])).isTrue();

        assertThat(restore(PolicyOrder.class, ids[1], RestoreOption.WITH_PARENTS)).isTrue();
        assertThat(deleted("policy_customer", ids[0])).isFalse();
        assertThat(deleted("policy_order", ids[1])).isFalse();
    }

    @Test
    void rowWhoseOtherParentIsDeletedStaysDeletedWithItsPartsUntilThatParentIsBack() {
        long[] ids = heldByBoth();
        deleteA(ids[0]);
        deleteB(ids[1]); // the held row is deleted already: B's cascade leaves it alone

        Impact preview = db.fromTransaction(s -> s.previewRestore(CascadeHolderA.class, ids[0]));
        assertThat(preview.rows(CascadeHolderA.class)).isEqualTo(1);
        assertThat(preview.rows(CascadeHeld.class)).as("the preview counts what the restore brings back").isZero();
        assertThat(preview.rows(CascadeHeldPart.class)).isZero();

        assertThat(restore(CascadeHolderA.class, ids[0])).isTrue();

        assertThat(deleted("cascade_holdera", ids[0])).isFalse();
        assertThat(deleted("cascade_held", ids[2])).as("B's delete would have taken it").isTrue();
        assertThat(deleted("cascade_held_part", ids[3])).as("below a row that stays deleted").isTrue();
        CascadeHeld found = db.fromTransaction(s -> s.find(CascadeHeld.class, ids[2]));
        assertThat(found).isNull();
        assertThat(db.rows(LIVE_UNDER_DELETED_B)).isEmpty();

        // once B is back, the row can come back with its part
        assertThat(restore(CascadeHolderB.class, ids[1])).isTrue();
        assertThat(deleted("cascade_held", ids[2])).as("marked by A's delete, not B's").isTrue();
        assertThat(restore(CascadeHeld.class, ids[2])).isTrue();
        assertThat(deleted("cascade_held", ids[2])).isFalse();
        assertThat(deleted("cascade_held_part", ids[3])).isFalse();
    }

    @Test
    void rowWhoseOtherParentIsLiveComesBackAndTheCheckCostsTwoReads() {
        long[] ids = heldByBoth();
        deleteA(ids[0]);
        Impact preview = db.fromTransaction(s -> s.previewRestore(CascadeHolderA.class, ids[0]));
        assertThat(preview.rows(CascadeHeld.class)).isEqualTo(1);
        assertThat(preview.rows(CascadeHeldPart.class)).isEqualTo(1);

        SqlRecorder sql = db.record(() -> assertThat(restore(CascadeHolderA.class, ids[0]))
                .isTrue());

        assertThat(deleted("cascade_held", ids[2])).isFalse();
        assertThat(deleted("cascade_held_part", ids[3])).isFalse();
        List<String> checks = sql.statements().stream().filter(statement -> statement.kind() == StatementKind.SELECT)
                .map(statement -> statement.sql().toLowerCase()).filter(select -> select.contains("holderb")).toList();
        assertThat(checks).as("B's id below the restored holder, then B itself, locked").hasSize(2);
        assertThat(sql.count(StatementKind.UPDATE, "cascade_held")).isEqualTo(1);
    }

    @Test
    void memberOfTwoTeamsStaysDeletedWhileTheOtherTeamIsDeleted() {
        long[] ids = db.fromTransaction(s -> {
            CascadeMember shared = new CascadeMember("shared");
            CascadeMember own = new CascadeMember("own");
            CascadeTeam first = new CascadeTeam();
            CascadeTeam second = new CascadeTeam();
            first.getMembers().add(shared);
            first.getMembers().add(own);
            second.getMembers().add(shared);
            s.persist(first);
            s.persist(second);
            return new long[] {first.getId(), second.getId(), shared.getId(), own.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, ids[0])));
        db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, ids[1])));

        // the first team is itself a parent of its members, deleted, but by the operation its restore undoes
        Impact preview = db.fromTransaction(s -> s.previewRestore(CascadeTeam.class, ids[0]));
        assertThat(preview.rows(CascadeMember.class)).as("its own member, not the shared one").isEqualTo(1);
        assertThat(restore(CascadeTeam.class, ids[0])).isTrue();

        assertThat(deleted("cascade_member", ids[3])).isFalse();
        assertThat(deleted("cascade_member", ids[2])).as("the second team's delete would have taken it").isTrue();
        assertThat(((Number) db.rows("select count(*) as n from cascade_team_member").get(0).get("n")).longValue())
                .as("no link was lost").isEqualTo(3);
        assertThat(restore(CascadeTeam.class, ids[1])).isTrue();
        assertThat(restore(CascadeMember.class, ids[2])).isTrue();
        assertThat(deleted("cascade_member", ids[2])).isFalse();
    }

    @Test
    void nodeWhoseTwinOwnerIsDeletedStaysDeletedAndTwinsDeletedTogetherComeBackTogether() {
        long[] ids = db.fromTransaction(s -> {
            CascadeTwinNode root = new CascadeTwinNode();
            CascadeTwinNode a = root.child();
            CascadeTwinNode b = root.child();
            CascadeTwinNode kept = root.child();
            a.setTwin(b);
            b.setTwin(a);
            CascadeTwinNode other = new CascadeTwinNode();
            other.setTwin(kept);
            s.persist(root);
            s.persist(other);
            return new long[] {root.getId(), a.getId(), b.getId(), kept.getId(), other.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[4]))); // its twin is deleted already

        assertThat(restore(CascadeTwinNode.class, ids[0])).isTrue();

        assertThat(deleted("cascade_twin_node", ids[1])).as("its twin's owner was deleted with it").isFalse();
        assertThat(deleted("cascade_twin_node", ids[2])).isFalse();
        assertThat(deleted("cascade_twin_node", ids[3])).as("twin of a node deleted on its own").isTrue();
        assertThat(db.rows("select n.id from cascade_twin_node n join cascade_twin_node o on o.twin_id = n.id"
                + " where o.deleted_at is not null and n.deleted_at is null")).isEmpty();
    }

    @Test
    void restoreDeletedSinceAndRestoreAllLeaveTheRowDeletedToo() {
        Instant before = Instant.now().minusSeconds(3600);
        long[] first = heldByBoth();
        long[] second = heldByBoth();
        deleteA(first[0]);
        deleteA(second[0]);
        deleteB(first[1]);

        int sinceBefore = db.fromTransaction(s -> s.restoreDeletedSince(CascadeHolderA.class, before));
        assertThat(sinceBefore).isEqualTo(2);
        assertThat(deleted("cascade_held", first[2])).isTrue();
        assertThat(deleted("cascade_held_part", first[3])).isTrue();
        assertThat(deleted("cascade_held", second[2])).as("its B is live").isFalse();
        assertThat(deleted("cascade_held_part", second[3])).isFalse();

        long[] third = heldByBoth();
        deleteA(third[0]);
        deleteB(third[1]);
        int listed = db.fromTransaction(s -> s.restoreAll(CascadeHolderA.class, List.of(first[0], third[0])));
        assertThat(listed).as("the first is live already").isEqualTo(1);
        assertThat(deleted("cascade_holdera", third[0])).isFalse();
        assertThat(deleted("cascade_held", third[2])).isTrue();
        assertThat(deleted("cascade_held_part", third[3])).isTrue();
        assertThat(db.rows(LIVE_UNDER_DELETED_B)).isEmpty();
    }

    @Test
    void restoreThatMeetsAnUncommittedDeleteOfTheOtherParentWaitsAndThenLeavesTheRowDeleted() throws Exception {
        long[] ids = heldByBoth();
        deleteA(ids[0]);
        try (SoftDeleteSession deleting = open()) {
            Transaction tx = deleting.beginTransaction();
            deleting.remove(deleting.find(CascadeHolderB.class, ids[1]));
            deleting.flush();

            Future<Boolean> restore = other.submit(() -> restore(CascadeHolderA.class, ids[0]));
            assertThat(LockWaits.awaitBlockedOrDone(db, restore, 10, TimeUnit.SECONDS))
                    .as("the restore waits for the delete of B").isTrue();
            tx.commit();
            assertThat(restore.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(deleted("cascade_holdera", ids[0])).isFalse();
        assertThat(deleted("cascade_held", ids[2])).isTrue();
        assertThat(deleted("cascade_held_part", ids[3])).isTrue();
        assertThat(db.rows(LIVE_UNDER_DELETED_B)).isEmpty();
    }

    @Test
    void deleteOfTheOtherParentThatMeetsAnUncommittedRestoreWaitsAndThenTakesTheRow() throws Exception {
        long[] ids = heldByBoth();
        deleteA(ids[0]);
        try (SoftDeleteSession restoring = open()) {
            Transaction tx = restoring.beginTransaction();
            assertThat(restoring.restore(CascadeHolderA.class, ids[0])).isTrue();

            Future<?> delete = other.submit(() -> deleteB(ids[1]));
            assertThat(LockWaits.awaitBlockedOrDone(db, delete, 10, TimeUnit.SECONDS))
                    .as("the delete of B waits for the restore").isTrue();
            tx.commit();
            delete.get(10, TimeUnit.SECONDS);
        }
        assertThat(deleted("cascade_holderb", ids[1])).isTrue();
        assertThat(deleted("cascade_held", ids[2])).as("restored, then taken by B's delete").isTrue();
        assertThat(deleted("cascade_held_part", ids[3])).isTrue();
        assertThat(db.rows(LIVE_UNDER_DELETED_B)).isEmpty();
    }
}
