package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class, Tag.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private Long persistCustomer() {
        return db.fromTransaction(s -> {
            Customer customer = new Customer("john@example.com", "John");
            s.persist(customer);
            return customer.getId();
        });
    }

    @Test
    void removeSendsOneUpdateAndNoDelete() {
        Long id = persistCustomer();
        Customer loaded = db.fromTransaction(s -> s.find(Customer.class, id));

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.merge(loaded))));

        assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1);
        assertThat(sql.count(StatementKind.UPDATE)).isEqualTo(1);
    }

    @Test
    void removeKeepsTheRowWithMarkerActorAndReason() {
        Long id = persistCustomer();

        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(Customer.class, id));
            }
        });

        db.inTransaction(s -> assertThat(s).row(Customer.class, id)
                .isSoftDeleted().wasDeletedAt(NOW).wasDeletedBy("alice").wasDeletedBecause("spam"));
        assertThat(((Number) db.row("customer", id).get("version")).longValue()).isEqualTo(1L);
    }

    @Test
    void removedInstanceCarriesTheMarkerAndFindReturnsNull() {
        Long id = persistCustomer();

        db.inTransaction(s -> {
            Customer customer = s.find(Customer.class, id);
            s.remove(customer);
            s.flush();
            assertThat(customer).isSoftDeleted().wasDeletedAt(NOW).wasDeletedBy("alice");
            assertThat(s.contains(customer)).isFalse();
            assertThat(s.find(Customer.class, id)).isNull();
        });
    }

    @Test
    void queriesHideTheDeletedRowAndScopesShowIt() {
        Long id = persistCustomer();
        db.inTransaction(s -> s.persist(new Customer("jane@example.com", "Jane")));
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));

        db.inTransaction(s -> {
            assertThat(s.createQuery("select c.email from Customer c", String.class).list())
                    .containsExactly("jane@example.com");
            assertThat(s.unfiltered(() -> s.createQuery("select c.email from Customer c order by c.email", String.class).list()))
                    .containsExactly("jane@example.com", "john@example.com");
            assertThat(s.onlyDeleted(() -> s.createQuery("select c.email from Customer c", String.class).list()))
                    .containsExactly("john@example.com");
            assertThat(s.find(Customer.class, id)).isNull();
            assertThat(s.unfiltered(() -> s.find(Customer.class, id))).isNotNull();
        });
    }

    @Test
    void bulkDeleteMarksLiveRowsAndReturnsTheirCount() {
        Long first = persistCustomer();
        db.inTransaction(s -> s.persist(new Customer("jane@example.com", "Jane")));
        db.inTransaction(s -> s.remove(s.find(Customer.class, first)));
        CLOCK.set(NOW.plusSeconds(60));

        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                marked[0] = s.createMutationQuery("delete from Customer").executeUpdate()));

        assertThat(marked[0]).isEqualTo(1);
        assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1);
        assertThat(db.countRows("customer")).isEqualTo(2);
        db.inTransaction(s -> assertThat(s).row(Customer.class, first).wasDeletedAt(NOW));
        CLOCK.set(NOW);
    }

    @Test
    void findIgnoresADeletedInstanceLoadedEarlierInAnUnfilteredScope() {
        Long id = persistCustomer();
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));

        db.inTransaction(s -> {
            Customer loadedInScope = s.unfiltered(() -> s.find(Customer.class, id));
            assertThat(loadedInScope).isNotNull();
            // the instance is managed now; a find outside the scope must not hand it out
            assertThat(s.find(Customer.class, id)).isNull();
            assertThat(s.onlyDeleted(() -> s.find(Customer.class, id))).isSameAs(loadedInScope);
        });
    }

    private Long persistCustomerWithTags() {
        return db.fromTransaction(s -> {
            Customer customer = new Customer("tagged@example.com", "Tagged");
            customer.getTags().add(new Tag("vip"));
            customer.getTags().add(new Tag("newsletter"));
            s.persist(customer);
            return customer.getId();
        });
    }

    @Test
    void removeKeepsTheJoinTableRowsOfTheDeletedOwner() {
        Long id = persistCustomerWithTags();

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(Customer.class, id))));

        assertThat(sql).hasNoHardDeletes();
        assertThat(db.rows("select * from customer_tag where customer_id = ?", id)).hasSize(2);
    }

    @Test
    void statelessDeleteKeepsTheJoinTableRowsAndMarksTheRow() {
        Long id = persistCustomerWithTags();

        SqlRecorder sql = db.record(() -> db.sessionFactory().inStatelessTransaction(s ->
                s.delete(s.get(Customer.class, id))));

        assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1);
        assertThat(db.rows("select * from customer_tag where customer_id = ?", id)).hasSize(2);
        db.inTransaction(s -> assertThat(s).row(Customer.class, id).isSoftDeleted().wasDeletedAt(NOW));
    }

    @Test
    void replacingTheCollectionOfALiveOwnerStillDeletesItsRows() {
        Long id = persistCustomerWithTags();

        db.inTransaction(s -> s.find(Customer.class, id).getTags().clear());

        assertThat(db.rows("select * from customer_tag where customer_id = ?", id)).isEmpty();
    }

    @Test
    void aLazyToOneAndAReferenceToADeletedRowStillLoadIt() {
        Long[] ids = db.fromTransaction(s -> {
            Customer customer = new Customer("gone@example.com", "Gone");
            PurchaseOrder order = customer.order("book");
            s.persist(customer);
            s.persist(order);
            return new Long[] {customer.getId(), order.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(Customer.class, ids[0])));

        db.inTransaction(s -> {
            PurchaseOrder order = s.find(PurchaseOrder.class, ids[1]);
            assertThat(order.getCustomer().isDeleted()).isTrue();
            assertThat(order.getCustomer().getEmail()).isEqualTo("gone@example.com");
        });
        db.inTransaction(s -> assertThat(s.getReference(Customer.class, ids[0]).isDeleted()).isTrue());
    }

    @Test
    void bulkDeleteKeepsTheJoinTableRowsOfTheOwnersItMarks() {
        Long id = persistCustomerWithTags();

        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from Customer").executeUpdate()));

        assertThat(sql).hasNoHardDeletes();
        assertThat(db.rows("select * from customer_tag where customer_id = ?", id)).hasSize(2);
    }

    @Test
    void hardDeleteOfAnOwnerStillRemovesItsJoinTableRows() {
        Long id = persistCustomerWithTags();

        db.inTransaction(s -> s.hardDelete(s.find(Customer.class, id)));

        assertThat(db.row("customer", id)).isNull();
        assertThat(db.rows("select * from customer_tag where customer_id = ?", id)).isEmpty();
        assertThat(db.countRows("tag")).isEqualTo(2);
    }
}
