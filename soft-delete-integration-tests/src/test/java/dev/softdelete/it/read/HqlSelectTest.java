package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class HqlSelectTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    /** A fresh session and transaction; typed so that the scope lambdas infer their result. */
    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static List<String> selectEntities(SoftDeleteSession s) {
        return s.createQuery("select c from Customer c", Customer.class).getResultList().stream()
                .map(Customer::getEmail).toList();
    }

    private static List<String> selectScalars(SoftDeleteSession s) {
        return s.createQuery("select c.email from Customer c where c.name is not null", String.class).getResultList();
    }

    @Test
    void entitySelectHidesDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(HqlSelectTest::selectEntities))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void entitySelectUnfilteredShowsDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> selectEntities(s))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void entitySelectOnlyDeletedShowsOnlyDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> selectEntities(s))))
                .containsExactly(CustomerRows.GONE);
    }

    @Test
    void scalarSelectWithWhereHidesDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(HqlSelectTest::selectScalars))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void scalarSelectWithWhereUnfilteredShowsDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> selectScalars(s))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void scalarSelectWithWhereOnlyDeletedShowsOnlyDeletedRow() {
        CustomerRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> selectScalars(s))))
                .containsExactly(CustomerRows.GONE);
    }
}
