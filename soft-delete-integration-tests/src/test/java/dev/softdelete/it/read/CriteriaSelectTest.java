package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaSelectTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    /** A fresh session and transaction; typed so that the scope lambdas infer their result. */
    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static List<String> select(SoftDeleteSession s) {
        CriteriaBuilder cb = s.getCriteriaBuilder();
        CriteriaQuery<Customer> query = cb.createQuery(Customer.class);
        Root<Customer> customer = query.from(Customer.class);
        query.select(customer).where(cb.like(customer.get("email"), "%@example.com"));
        return s.createQuery(query).getResultList().stream().map(Customer::getEmail).toList();
    }

    @Test
    void criteriaSelectHidesDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(CriteriaSelectTest::select))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void criteriaSelectUnfilteredShowsDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> select(s))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void criteriaSelectOnlyDeletedShowsOnlyDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> select(s))))
                .containsExactly(CustomerRows.GONE);
    }
}
