package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §2: the reads of a StatelessSession are filtered too. The public API offers no scope for
 * a StatelessSession (SoftDeleteSession wraps a Session), so only the default visibility is tested.
 */
class StatelessReadTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static <T> T stateless(Function<StatelessSession, T> work) {
        return db.sessionFactory().fromStatelessTransaction(work);
    }

    @Test
    void statelessGetReturnsNullForDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = stateless(s -> s.get(Customer.class, rows.goneId()));

        assertThat(found).isNull();
    }

    @Test
    void statelessGetReturnsLiveRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = stateless(s -> s.get(Customer.class, rows.annId()));

        assertThat(found).isNotNull();
        assertThat(found.getEmail()).isEqualTo(CustomerRows.ANN);
    }

    @Test
    void statelessGetMultipleHidesDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        List<Customer> found = stateless(s -> s.getMultiple(Customer.class, rows.all()));

        assertThat(found).extracting(c -> c == null ? null : c.getEmail())
                .containsExactly(CustomerRows.ANN, CustomerRows.BOB, null);
    }

    @Test
    void statelessHqlHidesDeletedRow() {
        CustomerRows.persist(db);

        List<String> emails = stateless(s -> s.createQuery("select c.email from Customer c", String.class).getResultList());

        assertThat(emails).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void statelessHqlEntitySelectHidesDeletedRow() {
        CustomerRows.persist(db);

        List<Customer> customers = stateless(s -> s.createQuery("from Customer", Customer.class).getResultList());

        assertThat(customers).extracting(Customer::getEmail).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }
}
