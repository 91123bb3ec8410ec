package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.ReadNote;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside {@link OrderRows} (ann: live with a live order; gone: deleted with a live and a deleted
 * order), bob is live with only a deleted order and zed is deleted with only a live order: only a
 * restricted subquery leaves bob out by default and zed out of the trash.
 */
class SubqueryTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    /** A fresh session and transaction; typed so that the scope lambdas infer their result. */
    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static final String ZED = "zed@example.com";
    private static final String IN_SUBQUERY =
            "select c.email from Customer c where c.id in (select o.customer.id from PurchaseOrder o)";
    private static final String CORRELATED =
            "select c.email from Customer c where exists (select o from PurchaseOrder o where o.customer = c)";
    private static final String NOTE_IN_SUBQUERY =
            "select n.email from ReadNote n where n.email in (select c.email from Customer c)";

    private static void persistRows() {
        OrderRows.persist(db);
        Long[] ids = db.fromTransaction(s -> {
            Customer bob = new Customer(CustomerRows.BOB, "Bob");
            PurchaseOrder bobOrder = bob.order("bob-deleted");
            Customer zed = new Customer(ZED, "Zed");
            zed.order("zed-live");
            s.persist(bob);
            s.persist(zed);
            s.flush();
            return new Long[] {bobOrder.getId(), zed.getId()};
        });
        db.inTransaction(s -> {
            s.remove(s.find(PurchaseOrder.class, ids[0]));
            s.remove(s.find(Customer.class, ids[1]));
        });
        assertThat(db.rows("select id from customer where deleted_at is not null")).hasSize(2);
    }

    private static List<String> emails(SoftDeleteSession s, String hql) {
        return s.createQuery(hql, String.class).getResultList();
    }

    @Test
    void inSubqueryIgnoresDeletedRowsOfTheSubquery() {
        persistRows();

        assertThat(read(s -> emails(s, IN_SUBQUERY))).containsExactly(CustomerRows.ANN);
    }

    @Test
    void inSubqueryUnfilteredSeesDeletedRowsOfBothQueries() {
        persistRows();

        assertThat(read(s -> s.unfiltered(() -> emails(s, IN_SUBQUERY))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE, ZED);
    }

    @Test
    void inSubqueryOnlyDeletedSeesOnlyDeletedRowsOfBothQueries() {
        persistRows();

        assertThat(read(s -> s.onlyDeleted(() -> emails(s, IN_SUBQUERY))))
                .containsExactly(CustomerRows.GONE);
    }

    @Test
    void correlatedSubqueryIgnoresDeletedRowsOfTheSubquery() {
        persistRows();

        assertThat(read(s -> emails(s, CORRELATED))).containsExactly(CustomerRows.ANN);
    }

    @Test
    void correlatedSubqueryUnfilteredSeesDeletedRowsOfBothQueries() {
        persistRows();

        assertThat(read(s -> s.unfiltered(() -> emails(s, CORRELATED))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE, ZED);
    }

    @Test
    void correlatedSubqueryOnlyDeletedSeesOnlyDeletedRowsOfBothQueries() {
        persistRows();

        assertThat(read(s -> s.onlyDeleted(() -> emails(s, CORRELATED))))
                .containsExactly(CustomerRows.GONE);
    }

    @Test
    void subqueryUnderUnrestrictedRootHidesDeletedRow() {
        CustomerRows.persist(db);
        db.inTransaction(s -> List.of(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE)
                .forEach(email -> s.persist(new ReadNote(email))));

        assertThat(read(s -> emails(s, NOTE_IN_SUBQUERY)))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void subqueryUnderUnrestrictedRootUnfilteredShowsDeletedRow() {
        CustomerRows.persist(db);
        db.inTransaction(s -> List.of(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE)
                .forEach(email -> s.persist(new ReadNote(email))));

        assertThat(read(s -> s.unfiltered(() -> emails(s, NOTE_IN_SUBQUERY))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void subqueryUnderUnrestrictedRootOnlyDeletedShowsOnlyDeletedRow() {
        CustomerRows.persist(db);
        db.inTransaction(s -> List.of(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE)
                .forEach(email -> s.persist(new ReadNote(email))));

        assertThat(read(s -> s.onlyDeleted(() -> emails(s, NOTE_IN_SUBQUERY))))
                .containsExactly(CustomerRows.GONE);
    }
}
