package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Both multi-id APIs answer with one position per id asked for: null where the row is not visible. */
class MultiIdLoadTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static List<String> emails(List<Customer> customers) {
        return customers.stream().map(c -> c == null ? null : c.getEmail()).toList();
    }

    private static List<String> findMultiple(SoftDeleteSession s, CustomerRows rows) {
        return emails(s.findMultiple(Customer.class, rows.all()));
    }

    private static List<String> byMultipleIds(SoftDeleteSession s, CustomerRows rows) {
        return emails(s.byMultipleIds(Customer.class).multiLoad(rows.all()));
    }

    private static List<String> inNewSession(Function<SoftDeleteSession, List<String>> load) {
        return db.fromTransaction(load);
    }

    @Test
    void findMultipleHidesDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> findMultiple(s, rows)))
                .containsExactly(CustomerRows.ANN, CustomerRows.BOB, null);
    }

    @Test
    void findMultipleUnfilteredReturnsDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> s.unfiltered(() -> findMultiple(s, rows))))
                .containsExactly(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void findMultipleOnlyDeletedReturnsOnlyDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> s.onlyDeleted(() -> findMultiple(s, rows))))
                .containsExactly(null, null, CustomerRows.GONE);
    }

    @Test
    void byMultipleIdsHidesDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> byMultipleIds(s, rows)))
                .containsExactly(CustomerRows.ANN, CustomerRows.BOB, null);
    }

    @Test
    void byMultipleIdsUnfilteredReturnsDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> s.unfiltered(() -> byMultipleIds(s, rows))))
                .containsExactly(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void byMultipleIdsOnlyDeletedReturnsOnlyDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        assertThat(inNewSession(s -> s.onlyDeleted(() -> byMultipleIds(s, rows))))
                .containsExactly(null, null, CustomerRows.GONE);
    }
}
