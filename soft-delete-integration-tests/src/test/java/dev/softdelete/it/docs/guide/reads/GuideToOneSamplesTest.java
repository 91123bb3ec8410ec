package dev.softdelete.it.docs.guide.reads;

import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's to-one samples of §3: a deleted target still loads, a join filters, a key path does not. */
class GuideToOneSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, Order.class);

    private Long orderId;
    private Long liveOrderId;
    private Long id;

    @BeforeEach
    void anOrderOfADeletedCustomerAndOneOfALiveCustomer() {
        Long[] ids = db.fromTransaction(s -> {
            Customer gone = new Customer("ann");
            Customer live = new Customer("bob");
            Order order = new Order(gone);
            Order liveOrder = new Order(live);
            s.persist(gone);
            s.persist(live);
            s.persist(order);
            s.persist(liveOrder);
            return new Long[] {gone.id, order.id, liveOrder.id};
        });
        id = ids[0];
        orderId = ids[1];
        liveOrderId = ids[2];
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));
    }

    @Test
    void theDeletedCustomerOfAnOrderIsLoadedNotNull() {
        boolean deleted = db.sessionFactory().fromTransaction(session -> {
            // tag::guide-to-one-loaded[]
            Order order = session.find(Order.class, orderId);   // its customer was soft-deleted
            order.getCustomer().isDeleted();                    // true: the customer is loaded, not null
            // end::guide-to-one-loaded[]
            return order.getCustomer().isDeleted();
        });
        assertThat(deleted).isTrue();
    }

    @Test
    void aFetchJoinKeepsEveryLiveOrderWithItsCustomer() {
        List<Order> orders = db.sessionFactory().fromTransaction(session ->
                // tag::guide-to-one-fetch-join[]
                // every live order, each with its customer loaded, deleted or not
                session.createQuery("select o from Order o join fetch o.customer", Order.class)
                // end::guide-to-one-fetch-join[]
                        .list());
        assertThat(orders).extracting(o -> o.id).containsExactlyInAnyOrder(orderId, liveOrderId);
        assertThat(orders).allSatisfy(o -> assertThat(Hibernate.isInitialized(o.getCustomer())).isTrue());
        assertThat(orders).filteredOn(o -> o.id.equals(orderId)).singleElement()
                .satisfies(o -> assertThat(o.getCustomer().isDeleted()).isTrue());
    }

    @Test
    void anExplicitJoinDropsTheOrdersOfDeletedCustomers() {
        List<Order> ann = db.sessionFactory().fromTransaction(session ->
                // tag::guide-to-one-join[]
                // orders whose customer is live; orders of deleted customers are not returned
                session.createQuery("select o from Order o join o.customer c where c.name = :name", Order.class)
                // end::guide-to-one-join[]
                        .setParameter("name", "ann").list());
        List<Order> bob = db.sessionFactory().fromTransaction(session ->
                session.createQuery("select o from Order o join o.customer c where c.name = :name", Order.class)
                        .setParameter("name", "bob").list());
        assertThat(ann).isEmpty();
        assertThat(bob).extracting(o -> o.id).containsExactly(liveOrderId);
    }

    @Test
    void aKeyPathIsNotFiltered() {
        List<Order> orders = db.sessionFactory().fromTransaction(session ->
                // tag::guide-to-one-key-path[]
                // returns the orders of customer :id even if that customer is soft-deleted
                session.createQuery("from Order o where o.customer.id = :id", Order.class)
                // end::guide-to-one-key-path[]
                        .setParameter("id", id).list());
        assertThat(orders).extracting(o -> o.id).containsExactly(orderId);
    }
}
