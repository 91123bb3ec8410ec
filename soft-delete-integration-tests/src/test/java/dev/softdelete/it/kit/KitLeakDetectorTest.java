package dev.softdelete.it.kit;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SoftDeleteLeak;
import dev.softdelete.test.SqlRecorder;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitLeakDetectorTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class, Tag.class);

    Long id;

    @BeforeEach
    void oneCustomerWithAnOrder() {
        db.sql().detectLeaks(db.sessionFactory(), LeakMode.COLLECT);
        id = db.fromTransaction(s -> {
            Customer customer = new Customer("l@example.com", "L");
            s.persist(customer);
            s.persist(customer.order("book"));
            return customer.getId();
        });
    }

    @Test
    void aNativeSelectOfTheCustomerTableIsALeak() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.createNativeQuery("select * from customer", Object[].class).list()));

        assertThat(sql.leaks()).extracting(SoftDeleteLeak::table).containsExactly("customer");
        assertThatThrownBy(() -> assertThat(sql).hasNoLeaks())
                .hasMessageContaining("table customer read without its soft-delete predicate: select * from customer");
    }

    @Test
    void theLibrarysOwnReadsAreNoLeak() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            s.find(Customer.class, id);
            s.createQuery("select o from PurchaseOrder o join o.customer c", PurchaseOrder.class).list();
            s.createQuery("from Customer c where exists (select 1 from PurchaseOrder o where o.customer = c)",
                    Customer.class).list();
            s.find(Customer.class, id).getOrders().size();
            s.find(Customer.class, id).getTags().size();
            // a fetched to-one loads its target whatever its state, by design
            s.createQuery("select o from PurchaseOrder o left join fetch o.customer", PurchaseOrder.class).list();
        }));

        assertThat(sql).hasNoLeaks();
    }

    @Test
    void aJoinFromAJoinTableToItsElementsWithoutThePredicateIsALeak() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.createNativeQuery(
                "select t.id from customer_tag ct join tag t on t.id = ct.tags_id", Object.class).list()));

        assertThat(sql.leaks()).extracting(SoftDeleteLeak::table).containsExactly("tag");
    }

    @Test
    void readsInsideUnfilteredOfAScopeAwareSessionAreNoLeak() {
        SqlRecorder sql = db.record(() -> {
            try (Session session = db.sql().openSession(db.sessionFactory())) {
                SoftDeleteSession s = SoftDeleteSession.wrap(session);
                s.unfiltered(() -> s.createQuery("from Customer", Customer.class).list());
                s.unfiltered(() -> s.createNativeQuery("select * from customer", Object[].class).list());
            }
        });

        assertThat(sql).hasNoLeaks();
        assertThat(sql.statements()).hasSize(2);
    }

    @Test
    void readsInsideScopesOfAnySessionAreNoLeak() {
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            // a session opened by the factory itself, as Spring or a JPA container does: no recorder involved
            java.util.List<Integer> read = s.unfiltered(() -> {
                var criteria = s.getCriteriaBuilder().createQuery(Customer.class);
                criteria.from(Customer.class);
                return java.util.List.of(s.createQuery("from Customer", Customer.class).list().size(),
                        s.createQuery("select o from PurchaseOrder o join o.customer c", PurchaseOrder.class).list().size(),
                        s.createQuery(criteria).list().size(),
                        s.find(Customer.class, id).getOrders().size(),
                        s.find(Customer.class, id).getTags().size());
            });
            // the customer by HQL, its order through the join, the customer by Criteria, its order, no tag
            assertThat(read).containsExactly(1, 1, 1, 1, 0);
            s.onlyDeleted(() -> assertThat(s.createQuery("from Customer", Customer.class).list()).hasSize(1));
        }));

        assertThat(sql).hasNoLeaks();
        assertThat(sql.statements()).anySatisfy(statement -> assertThat(statement.sql())
                .containsIgnoringCase("deleted_at is null or 1=1"));
    }

    @Test
    void aNativeSelectInsideUnfilteredOfAPlainSessionIsReportedUnlessItSaysWhatItReads() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.unfiltered(() ->
                s.createNativeQuery("select * from customer", Object[].class).list().size()
                        + s.createNativeQuery("select * from customer c where c.deleted_at is null"
                                + " or c.deleted_at is not null", Object[].class).list().size())));

        assertThat(sql.leaks()).hasSize(1);
        assertThat(sql.leaks().get(0).sql()).isEqualTo("select * from customer");
    }
}
