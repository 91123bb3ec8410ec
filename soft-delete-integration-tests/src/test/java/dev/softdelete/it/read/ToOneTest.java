package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.ReadInvoice;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §3: a to-one fetched by a loader (LAZY proxy initialisation, EAGER to-one on find) loads
 * its target whatever the target's state and whatever the scope; {@code isDeleted()} tells.
 */
class ToOneTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static Customer read(Function<SoftDeleteSession, Customer> work) {
        return db.fromTransaction(work);
    }

    private static Customer initialised(Customer customer) {
        Hibernate.initialize(customer);
        return customer;
    }

    /** ann (live) and gone (deleted), each with a live and a deleted invoice. */
    private static Long[] persistInvoices() {
        Long[] ids = db.fromTransaction(s -> {
            Customer ann = new Customer(CustomerRows.ANN, "Ann");
            Customer gone = new Customer(CustomerRows.GONE, "Gone");
            s.persist(ann);
            s.persist(gone);
            ReadInvoice annDeleted = new ReadInvoice(ann, "ann-deleted");
            ReadInvoice goneLive = new ReadInvoice(gone, "gone-live");
            s.persist(annDeleted);
            s.persist(goneLive);
            s.flush();
            return new Long[] {gone.getId(), annDeleted.getId(), goneLive.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(ReadInvoice.class, ids[1])));
        db.inTransaction(s -> s.remove(s.find(Customer.class, ids[0])));
        assertThat(db.rows("select id from read_invoice where customer_id is null")).isEmpty();
        return new Long[] {ids[1], ids[2]};
    }

    @Test
    void lazyToOneOfLiveOrderLoadsDeletedCustomer() {
        OrderRows rows = OrderRows.persist(db);

        Customer customer = read(s -> initialised(s.find(PurchaseOrder.class, rows.id(OrderRows.GONE_LIVE)).getCustomer()));

        assertThat(customer).isNotNull();
        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void lazyToOneUnfilteredLoadsDeletedCustomer() {
        OrderRows rows = OrderRows.persist(db);

        Customer customer = read(s -> s.unfiltered(
                () -> initialised(s.find(PurchaseOrder.class, rows.id(OrderRows.GONE_DELETED)).getCustomer())));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void lazyToOneOfDeletedOrderLoadsLiveCustomerEvenWhenOnlyDeleted() {
        OrderRows rows = OrderRows.persist(db);

        Customer customer = read(s -> s.onlyDeleted(
                () -> initialised(s.find(PurchaseOrder.class, rows.id(OrderRows.ANN_DELETED)).getCustomer())));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.ANN);
        assertThat(customer.isDeleted()).isFalse();
    }

    @Test
    void eagerToOneOfLiveInvoiceLoadsDeletedCustomerOnFind() {
        Long[] invoices = persistInvoices();

        Customer customer = read(s -> s.find(ReadInvoice.class, invoices[1]).getCustomer());

        assertThat(customer).isNotNull();
        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void eagerToOneUnfilteredLoadsDeletedCustomerOnFind() {
        Long[] invoices = persistInvoices();

        Customer customer = read(s -> s.unfiltered(() -> s.find(ReadInvoice.class, invoices[1]).getCustomer()));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void eagerToOneOfDeletedInvoiceLoadsLiveCustomerEvenWhenOnlyDeleted() {
        Long[] invoices = persistInvoices();

        Customer customer = read(s -> s.onlyDeleted(() -> s.find(ReadInvoice.class, invoices[0]).getCustomer()));

        assertThat(customer).isNotNull();
        assertThat(customer.getEmail()).isEqualTo(CustomerRows.ANN);
        assertThat(customer.isDeleted()).isFalse();
    }

    @Test
    void eagerToOneOfLiveInvoiceLoadsDeletedCustomerOnQuery() {
        Long[] invoices = persistInvoices();

        Customer customer = read(s -> s.createQuery("from ReadInvoice i where i.id = :id", ReadInvoice.class)
                .setParameter("id", invoices[1]).getSingleResult().getCustomer());

        assertThat(customer).isNotNull();
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void orderRemovedInTheFlushThatRemovesItsCustomerStillReferencesIt() {
        Long[] ids = db.fromTransaction(s -> {
            Customer gone = new Customer(CustomerRows.GONE, "Gone");
            PurchaseOrder order = gone.order("gone-deleted");
            s.persist(gone);
            s.flush();
            return new Long[] {gone.getId(), order.getId()};
        });
        db.inTransaction(s -> {
            s.remove(s.find(Customer.class, ids[0]));
            s.remove(s.find(PurchaseOrder.class, ids[1]));
        });

        Customer customer = read(s -> s.unfiltered(() -> s.find(PurchaseOrder.class, ids[1]).getCustomer()));

        // a soft delete keeps both rows: nothing may null the order's foreign key
        assertThat(db.row("purchase_order", ids[1]).get("customer_id")).isNotNull();
        assertThat(customer).isNotNull();
    }
}
