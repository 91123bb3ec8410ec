package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizes and memberships of collections of soft-deletable elements, in queries ({@code size()},
 * {@code member of}, Criteria) and on collections not yet read ({@code Hibernate.size()},
 * {@code Hibernate.contains()}), count and match what the collection would load in the same scope.
 * Ann has one live and one deleted order, and one live and one deleted tag.
 */
class CollectionSizeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private record Rows(Long annId, Long liveOrderId, Long deletedOrderId, Long liveTagId, Long deletedTagId) {
    }

    private static Rows persist() {
        OrderRows orders = OrderRows.persist(db);
        Long[] tags = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, orders.annId());
            Tag red = new Tag(ShelfRows.RED);
            Tag blue = new Tag(ShelfRows.BLUE);
            ann.getTags().add(red);
            ann.getTags().add(blue);
            s.persist(red);
            s.persist(blue);
            s.flush();
            return new Long[] {red.getId(), blue.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(Tag.class, tags[1])));
        assertThat(db.countRows("customer_tag")).isEqualTo(2);
        return new Rows(orders.annId(), orders.orderIds().get(OrderRows.ANN_LIVE),
                orders.orderIds().get(OrderRows.ANN_DELETED), tags[0], tags[1]);
    }

    private static Integer hqlSize(SoftDeleteSession s, Rows rows, String collection) {
        return s.createSelectionQuery("select size(c." + collection + ") from Customer c where c.id = :id", Integer.class)
                .setParameter("id", rows.annId()).getSingleResult();
    }

    private static long memberOf(SoftDeleteSession s, Rows rows, String collection, Object element) {
        return s.createSelectionQuery("select count(c) from Customer c where c.id = :id and :e member of c."
                + collection, Long.class).setParameter("id", rows.annId()).setParameter("e", element).getSingleResult();
    }

    @Test
    void hqlSizeCountsVisibleElementsOnly() {
        Rows rows = persist();

        List<Integer> live = db.fromTransaction(s -> List.of(hqlSize(s, rows, "orders"), hqlSize(s, rows, "tags")));
        List<Integer> all = db.fromTransaction(s -> s.unfiltered(
                () -> List.of(hqlSize(s, rows, "orders"), hqlSize(s, rows, "tags"))));

        assertThat(live).containsExactly(1, 1);
        assertThat(all).containsExactly(2, 2);
    }

    @Test
    void hqlSizeInWhereClauseCountsVisibleElementsOnly() {
        Rows rows = persist();

        List<Long> withTwoOrders = db.fromTransaction(s -> s.createSelectionQuery(
                "select c.id from Customer c where size(c.orders) = 2", Long.class).list());
        List<Long> withTwoOrdersUnfiltered = db.fromTransaction(s -> s.unfiltered(() -> s.createSelectionQuery(
                "select c.id from Customer c where size(c.orders) = 2", Long.class).list()));

        assertThat(withTwoOrders).isEmpty();
        // Gone (deleted, with two orders) is seen by the unfiltered query too
        assertThat(withTwoOrdersUnfiltered).contains(rows.annId()).hasSize(2);
    }

    @Test
    void memberOfMatchesVisibleElementsOnly() {
        Rows rows = persist();

        List<Long> counts = db.fromTransaction(s -> {
            PurchaseOrder deleted = s.unfiltered(() -> s.find(PurchaseOrder.class, rows.deletedOrderId()));
            Tag deletedTag = s.unfiltered(() -> s.find(Tag.class, rows.deletedTagId()));
            PurchaseOrder live = s.find(PurchaseOrder.class, rows.liveOrderId());
            return List.of(memberOf(s, rows, "orders", deleted), memberOf(s, rows, "tags", deletedTag),
                    memberOf(s, rows, "orders", live),
                    s.unfiltered(() -> memberOf(s, rows, "orders", deleted)),
                    s.onlyDeleted(() -> memberOf(s, rows, "orders", live)));
        });

        assertThat(counts).containsExactly(0L, 0L, 1L, 1L, 0L);
    }

    @Test
    void criteriaSizeAndIsMemberCountVisibleElementsOnly() {
        Rows rows = persist();

        List<Integer> sizes = db.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Integer> query = cb.createQuery(Integer.class);
            Root<Customer> customer = query.from(Customer.class);
            query.select(cb.size(customer.<List<PurchaseOrder>>get("orders")))
                    .where(cb.equal(customer.get("id"), rows.annId()));
            return s.createQuery(query).getResultList();
        });

        assertThat(sizes).containsExactly(1);
    }

    @Test
    void hibernateSizeOfUnreadCollectionCountsVisibleElementsOnly() {
        Rows rows = persist();

        List<Integer> sizes = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, rows.annId());
            return List.of(Hibernate.size(ann.getOrders()), Hibernate.size(ann.getTags()));
        });

        assertThat(sizes).containsExactly(1, 1);
    }

    @Test
    void hibernateContainsOnUnreadCollectionMatchesVisibleElementsOnly() {
        Rows rows = persist();

        List<Boolean> found = db.fromTransaction(s -> {
            PurchaseOrder deleted = s.unfiltered(() -> s.find(PurchaseOrder.class, rows.deletedOrderId()));
            Tag deletedTag = s.unfiltered(() -> s.find(Tag.class, rows.deletedTagId()));
            Customer ann = s.find(Customer.class, rows.annId());
            return List.of(Hibernate.contains(ann.getOrders(), deleted), Hibernate.contains(ann.getTags(), deletedTag),
                    Hibernate.contains(ann.getOrders(), s.find(PurchaseOrder.class, rows.liveOrderId())));
        });

        assertThat(found).containsExactly(false, false, true);
    }
}
