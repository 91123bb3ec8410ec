package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query's fetch join of a to-one loads its target whatever the target's state, as the lazy load
 * does (see {@link ToOneTest}): the owner's row keeps its foreign key when a change to the owner is
 * flushed, and adding a fetch join to a query never changes which owners it returns. Each flush is
 * checked in the table.
 */
class FetchJoinTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static final String LEFT_JOIN_FETCH = "select o from PurchaseOrder o left join fetch o.customer";
    private static final String JOIN_FETCH = "select o from PurchaseOrder o join fetch o.customer";

    /** Changes every order the query returns, in one transaction; returns their items as read. */
    private static List<String> renameAll(Function<SoftDeleteSession, List<PurchaseOrder>> query) {
        return db.fromTransaction(s -> {
            List<PurchaseOrder> orders = query.apply(s);
            for (PurchaseOrder order : orders) {
                assertThat(order.getCustomer()).as(order.getItem() + "'s customer").isNotNull();
                assertThat(Hibernate.isInitialized(order.getCustomer())).isTrue();
            }
            List<String> items = orders.stream().map(PurchaseOrder::getItem).toList();
            orders.forEach(order -> order.setItem(order.getItem() + " (changed)"));
            return items;
        });
    }

    private static List<PurchaseOrder> hql(SoftDeleteSession s, String query) {
        return s.createQuery(query, PurchaseOrder.class).getResultList();
    }

    private static void assertEveryOrderKeepsItsCustomer(OrderRows rows) {
        for (Map<String, Object> order : db.rows("select item, customer_id from purchase_order")) {
            String item = (String) order.get("item");
            Long expected = item.startsWith("ann") ? rows.annId() : rows.goneId();
            assertThat(((Number) order.get("customer_id")).longValue()).as(item).isEqualTo(expected);
        }
    }

    @Test
    void leftJoinFetchLoadsTheDeletedCustomerAndTheFlushKeepsTheKey() {
        OrderRows rows = OrderRows.persist(db);

        Customer customer = db.fromTransaction(s -> {
            PurchaseOrder order = s.createQuery(LEFT_JOIN_FETCH + " where o.id = :id", PurchaseOrder.class)
                    .setParameter("id", rows.id(OrderRows.GONE_LIVE)).getSingleResult();
            order.setItem("gone-live (changed)");
            return order.getCustomer();
        });

        assertThat(customer).isNotNull();
        assertThat(customer.isDeleted()).isTrue();
        assertThat(db.row("purchase_order", rows.id(OrderRows.GONE_LIVE)).get("item")).isEqualTo("gone-live (changed)");
        assertEveryOrderKeepsItsCustomer(rows);
    }

    @Test
    void innerJoinFetchReturnsTheSameOrdersAsTheQueryWithoutIt() {
        OrderRows rows = OrderRows.persist(db);

        List<String> fetched = renameAll(s -> hql(s, JOIN_FETCH));
        List<String> plain = db.fromTransaction(s -> hql(s, "select o from PurchaseOrder o").stream()
                .map(PurchaseOrder::getItem).map(item -> item.replace(" (changed)", "")).toList());

        assertThat(fetched).containsExactlyInAnyOrder(OrderRows.ANN_LIVE, OrderRows.GONE_LIVE);
        assertThat(plain).containsExactlyInAnyOrderElementsOf(fetched);
        assertEveryOrderKeepsItsCustomer(rows);
    }

    @Test
    void criteriaFetchLoadsTheDeletedCustomerAndTheFlushKeepsTheKey() {
        OrderRows rows = OrderRows.persist(db);

        List<String> items = renameAll(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<PurchaseOrder> query = cb.createQuery(PurchaseOrder.class);
            Root<PurchaseOrder> order = query.from(PurchaseOrder.class);
            order.fetch("customer", JoinType.LEFT);
            return s.createQuery(query.select(order)).getResultList();
        });

        assertThat(items).containsExactlyInAnyOrder(OrderRows.ANN_LIVE, OrderRows.GONE_LIVE);
        assertEveryOrderKeepsItsCustomer(rows);
    }

    @Test
    void entityGraphLoadsTheDeletedCustomerAndTheFlushKeepsTheKey() {
        OrderRows rows = OrderRows.persist(db);

        List<String> items = renameAll(s -> {
            EntityGraph<PurchaseOrder> graph = s.createEntityGraph(PurchaseOrder.class);
            graph.addAttributeNodes("customer");
            return s.createQuery("select o from PurchaseOrder o", PurchaseOrder.class)
                    .setHint("jakarta.persistence.fetchgraph", graph).getResultList();
        });

        assertThat(items).containsExactlyInAnyOrder(OrderRows.ANN_LIVE, OrderRows.GONE_LIVE);
        assertEveryOrderKeepsItsCustomer(rows);
    }

    @Test
    void inTheTrashAFetchJoinLoadsTheLiveCustomerOfADeletedOrderAndTheFlushKeepsTheKey() {
        OrderRows rows = OrderRows.persist(db);

        List<String> items = renameAll(s -> s.onlyDeleted(() -> hql(s, LEFT_JOIN_FETCH)));

        assertThat(items).containsExactlyInAnyOrder(OrderRows.ANN_DELETED, OrderRows.GONE_DELETED);
        assertThat(db.rows("select item from purchase_order where deleted_at is not null"))
                .extracting(row -> row.get("item"))
                .containsExactlyInAnyOrder("ann-deleted (changed)", "gone-deleted (changed)");
        assertEveryOrderKeepsItsCustomer(rows);
    }

    @Test
    void aJoinThatIsNotFetchedStillFilters() {
        OrderRows.persist(db);

        List<String> items = db.fromTransaction(s -> hql(s, "select o from PurchaseOrder o join o.customer c")
                .stream().map(PurchaseOrder::getItem).toList());

        assertThat(items).containsExactly(OrderRows.ANN_LIVE);
    }
}
