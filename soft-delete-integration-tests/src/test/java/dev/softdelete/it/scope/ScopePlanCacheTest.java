package dev.softdelete.it.scope;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.read.CustomerRows;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import org.hibernate.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate caches query plans and loaders; a plan or loader built for one visibility must not
 * answer for another, in the same session or the next one. Same-session tests also cover instances
 * that an admin scope left in the persistence context.
 */
class ScopePlanCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static final String HQL = "select c.email from Customer c";

    private static List<String> hql(SoftDeleteSession s) {
        return s.createQuery(HQL, String.class).getResultList();
    }

    private static List<String> criteria(SoftDeleteSession s) {
        CriteriaBuilder cb = s.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        query.select(query.from(Customer.class).get("email"));
        return s.createQuery(query).getResultList();
    }

    private static List<String> emails(List<Customer> customers) {
        return customers.stream().map(c -> c == null ? null : c.getEmail()).toList();
    }

    @Test
    void sameHqlGivesEachScopeItsOwnRowsInOneSession() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(hql(s)).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
            assertThat(s.unfiltered(() -> hql(s)))
                    .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
            assertThat(hql(s)).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
            assertThat(s.onlyDeleted(() -> hql(s))).containsExactly(CustomerRows.GONE);
            assertThat(hql(s)).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
        });
    }

    @Test
    void sameCriteriaGivesEachScopeItsOwnRowsInOneSession() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(criteria(s)).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
            assertThat(s.unfiltered(() -> criteria(s)))
                    .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
            assertThat(criteria(s)).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
            assertThat(s.onlyDeleted(() -> criteria(s))).containsExactly(CustomerRows.GONE);
        });
    }

    @Test
    void hqlRunUnfilteredInOneSessionStaysRestrictedInTheNext() {
        CustomerRows.persist(db);
        db.inTransaction(s -> assertThat(s.unfiltered(() -> hql(s))).hasSize(3));

        List<String> next = db.fromTransaction(ScopePlanCacheTest::hql);

        assertThat(next).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void hqlRunInDefaultInOneSessionIsUnrestrictedInTheNextUnfilteredScope() {
        CustomerRows.persist(db);
        db.inTransaction(s -> assertThat(hql(s)).hasSize(2));

        List<String> next = db.fromTransaction(s -> s.unfiltered(() -> hql(s)));

        assertThat(next).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void findGivesEachScopeItsOwnAnswerInOneSession() {
        CustomerRows rows = CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(s.find(Customer.class, rows.goneId())).isNull();
            assertThat(s.unfiltered(() -> s.find(Customer.class, rows.goneId()))).isNotNull();
            assertThat(s.find(Customer.class, rows.goneId())).isNull();
            assertThat(s.onlyDeleted(() -> s.find(Customer.class, rows.annId()))).isNull();
        });
    }

    @Test
    void findMultipleAfterUnfilteredLoadStillHidesDeletedRowInOneSession() {
        CustomerRows rows = CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(emails(s.unfiltered(() -> s.findMultiple(Customer.class, rows.all()))))
                    .containsExactly(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);

            assertThat(emails(s.findMultiple(Customer.class, rows.all())))
                    .containsExactly(CustomerRows.ANN, CustomerRows.BOB, null);
        });
    }

    @Test
    void findMultipleAfterDefaultLoadStillHidesLiveRowsWhenOnlyDeleted() {
        CustomerRows rows = CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(emails(s.findMultiple(Customer.class, rows.all())))
                    .containsExactly(CustomerRows.ANN, CustomerRows.BOB, null);

            assertThat(emails(s.onlyDeleted(() -> s.findMultiple(Customer.class, rows.all()))))
                    .containsExactly(null, null, CustomerRows.GONE);
        });
    }

    @Test
    void unorderedMultiIdLoadLeavesOutWhatTheScopeHides() {
        CustomerRows rows = CustomerRows.persist(db);

        db.inTransaction(s -> {
            s.unfiltered(() -> s.findMultiple(Customer.class, rows.all()));

            assertThat(emails(s.byMultipleIds(Customer.class).enableOrderedReturn(false).multiLoad(rows.all())))
                    .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
            assertThat(emails(s.onlyDeleted(() -> s.byMultipleIds(Customer.class).enableOrderedReturn(false)
                    .multiLoad(rows.all())))).containsExactly(CustomerRows.GONE);
        });
    }

    @Test
    void naturalIdLoadAfterUnfilteredLoadStillHidesDeletedRowInOneSession() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(s.unfiltered(() -> s.find(Customer.class, CustomerRows.GONE, KeyType.NATURAL))).isNotNull();

            assertThat(s.find(Customer.class, CustomerRows.GONE, KeyType.NATURAL)).isNull();
        });
    }

    @Test
    void lazyCollectionLoadedUnfilteredInOneSessionIsRestrictedInTheNext() {
        Long annId = db.fromTransaction(s -> {
            Customer ann = new Customer(CustomerRows.ANN, "Ann");
            ann.order("kept");
            ann.order("dropped");
            s.persist(ann);
            return ann.getId();
        });
        db.inTransaction(s -> s.remove(s.createQuery("from PurchaseOrder o where o.item = 'dropped'",
                dev.softdelete.it.model.PurchaseOrder.class).getSingleResult()));
        db.inTransaction(s -> assertThat(s.unfiltered(() -> s.find(Customer.class, annId).getOrders().size())).isEqualTo(2));

        int next = db.fromTransaction(s -> s.find(Customer.class, annId).getOrders().size());

        assertThat(next).isEqualTo(1);
    }
}
