package dev.softdelete.it.policy;

import dev.softdelete.hibernate.DeleteDeniedException;
import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.PolicyAddress;
import dev.softdelete.it.model.PolicyCustomer;
import dev.softdelete.it.model.PolicyInvoice;
import dev.softdelete.it.model.PolicyLead;
import dev.softdelete.it.model.PolicyNote;
import dev.softdelete.it.model.PolicyOrder;
import dev.softdelete.it.model.PolicyRegion;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.softdelete.it.support.Refusals.denial;
import static dev.softdelete.it.support.Refusals.refusal;
import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @OnSoftDelete}: DENY refuses a remove, a bulk delete, a StatelessSession delete and a cascade
 * that reaches a denying row, each before anything of it is written; CASCADE soft-deletes (and
 * restores) without a REMOVE cascade; KEEP leaves the rows live and linked. Every case reads the
 * tables directly afterwards.
 */
class DeletePolicyTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PolicyRegion.class, PolicyCustomer.class,
            PolicyOrder.class, PolicyInvoice.class, PolicyAddress.class, PolicyNote.class, PolicyLead.class);

    private long customer(String name, int orders, boolean invoice) {
        return db.fromTransaction(s -> {
            PolicyCustomer customer = new PolicyCustomer(name);
            for (int i = 0; i < orders; i++) {
                customer.order(name + "-o" + i);
            }
            customer.address(name + " street");
            customer.note(name + " note");
            s.persist(customer);
            if (invoice) {
                s.persist(new PolicyInvoice(customer, name + "-i"));
            }
            return customer.getId();
        });
    }

    private long deletedCount(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null").size();
    }

    private void assertNothingDeleted() {
        for (String table : List.of("policy_region", "policy_customer", "policy_order", "policy_address", "policy_note")) {
            assertThat(deletedCount(table)).as(table).isZero();
        }
    }

    @Test
    void anOrderAddedToACustomerDeletedMeanwhileIsRefusedAsTheDenialCanNoLongerSeeIt() {
        long id = customer("dan", 0, false);
        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction tx = session.beginTransaction();
            PolicyCustomer stale = session.find(PolicyCustomer.class, id);
            // allowed: no live order yet
            db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id)));
            session.persist(stale.order("late"));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.parent()).isEqualTo(PolicyCustomer.class.getName() + "#" + id);
            assertThat(refused.association()).isEqualTo(PolicyCustomer.class.getName() + ".orders");
        }
        assertThat(db.countRows("policy_order")).isZero();
    }

    @Test
    void removeIsRefusedWhileLiveOrdersExistAndNothingIsWritten() {
        long id = customer("ann", 2, false);

        SqlRecorder sql = db.record(() -> assertThatThrownBy(() -> db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id))))
                .satisfies(thrown -> {
                    DeleteDeniedException denied = denial(thrown);
                    assertThat(denied.refusal().attribute()).isEqualTo("orders");
                    assertThat(denied.refusal().liveRows()).isEqualTo(2);
                    assertThat(denied.deleted()).isEqualTo(PolicyCustomer.class.getName() + "#" + id);
                    assertThat(denied).hasMessageContaining("PolicyCustomer.orders has 2 live rows")
                            .hasMessageContaining("@OnSoftDelete(DENY)");
                }));

        assertThat(sql.count(StatementKind.UPDATE)).isZero();
        assertThat(sql.count(StatementKind.DELETE)).isZero();
        assertNothingDeleted();
    }

    @Test
    void theRefusalMarksTheTransactionForRollbackSoACaughtExceptionCannotCommitHalfOfIt() {
        long id = customer("bob", 1, false);
        long other = customer("cyd", 0, false);

        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            session.remove(session.find(PolicyCustomer.class, other));
            session.remove(session.find(PolicyCustomer.class, id));
            assertThatThrownBy(session::flush).isInstanceOf(DeleteDeniedException.class);
            assertThat(session.getTransaction().getRollbackOnly()).isTrue();
            session.getTransaction().rollback();
        }

        assertNothingDeleted();
    }

    @Test
    void removeGoesAheadOnceTheOrdersAreDeletedInTheSameFlushAndAppliesCascadeAndKeep() {
        long id = customer("dee", 2, false);

        db.inTransaction(s -> {
            PolicyCustomer customer = s.find(PolicyCustomer.class, id);
            customer.getOrders().forEach(s::remove);
            s.remove(customer);
        });

        assertThat(db.rows("select id from policy_customer where id = ? and deleted_at is not null", id)).hasSize(1);
        assertThat(deletedCount("policy_order")).isEqualTo(2);
        // CASCADE without a REMOVE cascade: soft-deleted with the customer, by the same operation
        assertThat(db.rows("select a.id from policy_address a join policy_customer c on c.id = a.customer_id"
                + " where a.deleted_at is not null and a.delete_operation = c.delete_operation")).hasSize(1);
        // KEEP: live and still linked
        assertThat(db.rows("select id from policy_note where deleted_at is null and customer_id = ?", id)).hasSize(1);
    }

    @Test
    void denyCountsEveryRowOfAnEntityThatIsNotSoftDeletable() {
        long id = customer("eve", 0, true);

        assertThatThrownBy(() -> db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id))))
                .satisfies(thrown -> {
                    assertThat(denial(thrown).refusal().attribute()).isEqualTo("invoices");
                    assertThat(denial(thrown).refusal().target()).isEqualTo(PolicyInvoice.class.getName());
                    assertThat(denial(thrown).refusal().liveRows()).isEqualTo(1);
                });

        assertNothingDeleted();
    }

    @Test
    void aBulkDeleteOfADenyingRowIsRefusedAndItsOwnUpdateRolledBack() {
        customer("fay", 1, false);
        customer("fay", 0, false);

        assertThatThrownBy(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from PolicyCustomer c where c.name = 'fay'").executeUpdate()))
                .satisfies(thrown -> {
                    assertThat(denial(thrown).deleted()).isEqualTo("a bulk delete of " + PolicyCustomer.class.getName());
                    assertThat(denial(thrown).refusal().liveRows()).isEqualTo(1);
                });

        assertNothingDeleted();
    }

    @Test
    void aCascadeThatReachesADenyingRowIsRefusedWhole() {
        long region = db.fromTransaction(s -> {
            PolicyRegion north = new PolicyRegion("north");
            north.customer("gus");
            north.customer("hal").order("hal-o1");
            s.persist(north);
            return north.getId();
        });

        SqlRecorder sql = db.record(() -> assertThatThrownBy(() -> db.inTransaction(s -> s.remove(s.find(PolicyRegion.class, region))))
                .satisfies(thrown -> {
                    assertThat(denial(thrown).deleted()).isEqualTo(PolicyRegion.class.getName() + "#" + region);
                    assertThat(denial(thrown).refusal().owner()).isEqualTo(PolicyCustomer.class.getName());
                    assertThat(denial(thrown).refusal().liveRows()).isEqualTo(1);
                }));

        assertThat(sql.count(StatementKind.UPDATE)).isZero();
        assertNothingDeleted();
    }

    @Test
    void aCascadeWhoseRowsHaveNoLiveDenyingRowsGoesAheadWithOneCheckPerLevel() {
        long region = db.fromTransaction(s -> {
            PolicyRegion south = new PolicyRegion("south");
            for (int i = 0; i < 5; i++) {
                south.customer("c" + i).address("street " + i);
            }
            s.persist(south);
            return south.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(PolicyRegion.class, region))));

        assertThat(deletedCount("policy_region")).isEqualTo(1);
        assertThat(deletedCount("policy_customer")).isEqualTo(5);
        assertThat(deletedCount("policy_address")).isEqualTo(5);
        assertThat(deletedCount("policy_note")).isZero();
        // the check: the customers reached, then their orders and invoices; none per customer
        assertThat(sql.count(StatementKind.SELECT, "policy_order")).isEqualTo(1);
        assertThat(sql.count(StatementKind.SELECT, "policy_invoice")).isEqualTo(1);
    }

    @Test
    void aStatelessSessionDeleteIsRefusedToo() {
        long id = customer("ida", 1, false);

        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.beginTransaction();
            PolicyCustomer customer = session.get(PolicyCustomer.class, id);
            assertThatThrownBy(() -> session.delete(customer)).isInstanceOf(DeleteDeniedException.class);
            session.getTransaction().rollback();
        }

        assertNothingDeleted();
    }

    @Test
    void aRestoreBringsBackWhatCascadeDeletedAndLeavesKeptRowsAlone() {
        long id = customer("jo", 0, false);
        db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id)));
        assertThat(deletedCount("policy_address")).isEqualTo(1);

        boolean restored = db.fromTransaction(s -> s.restore(PolicyCustomer.class, id));
        assertThat(restored).isTrue();

        assertNothingDeleted();
        Map<String, Object> note = db.rows("select customer_id from policy_note").get(0);
        assertThat(((Number) note.get("customer_id")).longValue()).isEqualTo(id);
    }

    @Test
    void theDeniedCustomerCanBeDeletedAfterItsOrdersAreDeletedInAnEarlierTransaction() {
        long id = customer("kim", 3, false);
        db.inTransaction(s -> s.createMutationQuery("delete from PolicyOrder").executeUpdate());

        db.inTransaction(s -> SoftDeleteSession.wrap(s).remove(s.find(PolicyCustomer.class, id)));

        assertThat(deletedCount("policy_customer")).isEqualTo(1);
    }

    @Test
    void hardDeleteErasesWhatCascadeReachesAndRefusesWhileAKeptRowStillReferencesTheOwner() {
        long plain = db.fromTransaction(s -> {
            PolicyCustomer customer = new PolicyCustomer("lou");
            customer.address("lou street");
            s.persist(customer);
            return customer.getId();
        });
        long withNote = customer("max", 0, false);

        boolean erased = db.fromTransaction(s -> s.hardDelete(PolicyCustomer.class, plain));
        assertThat(erased).isTrue();
        assertThat(db.rows("select id from policy_address where customer_id = ?", plain)).isEmpty();

        assertThatThrownBy(() -> db.inTransaction(s -> s.hardDelete(PolicyCustomer.class, withNote)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PolicyNote#customer");
        assertThat(db.row("policy_customer", withNote)).isNotNull();
        assertThat(db.rows("select id from policy_note where customer_id = ?", withNote)).hasSize(1);
    }
}
