package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An explicit join to a to-one is restricted like a root: the inner join drops the orders whose
 * customer is not visible (unlike a to-one fetched by a loader, see {@link ToOneTest}, or by a fetch
 * join, see {@link FetchJoinTest}).
 */
class JoinTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    /** A fresh session and transaction; typed so that the scope lambdas infer their result. */
    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static final String JOIN = "select o from PurchaseOrder o join o.customer c";
    private static final String ENTITY_JOIN = "select o from PurchaseOrder o join Customer c on c.id = o.customer.id";

    private static List<String> items(SoftDeleteSession s, String hql) {
        return s.createQuery(hql, PurchaseOrder.class).getResultList().stream().map(PurchaseOrder::getItem).toList();
    }

    @Test
    void joinDropsOrdersOfDeletedCustomer() {
        OrderRows.persist(db);

        assertThat(read(s -> items(s, JOIN))).containsExactly(OrderRows.ANN_LIVE);
    }

    @Test
    void joinUnfilteredKeepsEveryOrder() {
        OrderRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> items(s, JOIN)))).containsExactlyInAnyOrder(
                OrderRows.ANN_LIVE, OrderRows.ANN_DELETED, OrderRows.GONE_LIVE, OrderRows.GONE_DELETED);
    }

    @Test
    void joinOnlyDeletedKeepsDeletedOrdersOfDeletedCustomers() {
        OrderRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> items(s, JOIN)))).containsExactly(OrderRows.GONE_DELETED);
    }

    @Test
    void entityJoinDropsOrdersOfDeletedCustomer() {
        OrderRows.persist(db);

        assertThat(read(s -> items(s, ENTITY_JOIN))).containsExactly(OrderRows.ANN_LIVE);
    }

    @Test
    void entityJoinUnfilteredKeepsEveryOrder() {
        OrderRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> items(s, ENTITY_JOIN)))).containsExactlyInAnyOrder(
                OrderRows.ANN_LIVE, OrderRows.ANN_DELETED, OrderRows.GONE_LIVE, OrderRows.GONE_DELETED);
    }

    @Test
    void entityJoinOnlyDeletedKeepsDeletedOrdersOfDeletedCustomers() {
        OrderRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> items(s, ENTITY_JOIN))))
                .containsExactly(OrderRows.GONE_DELETED);
    }
}
