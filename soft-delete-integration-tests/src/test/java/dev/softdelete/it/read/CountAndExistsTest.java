package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.ReadNote;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Two live customers and a deleted one; the notes (not soft-deletable) name all three. */
class CountAndExistsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    /** A fresh session and transaction; typed so that the scope lambdas infer their result. */
    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static long count(Function<SoftDeleteSession, Long> work) {
        return db.fromTransaction(work);
    }

    private static final String EXISTS =
            "select n.email from ReadNote n where exists (select c from Customer c where c.email = n.email)";

    private static long hqlCount(SoftDeleteSession s) {
        return s.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
    }

    private static long criteriaCount(SoftDeleteSession s) {
        CriteriaBuilder cb = s.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        query.select(cb.count(query.from(Customer.class)));
        return s.createQuery(query).getSingleResult();
    }

    private static List<String> exists(SoftDeleteSession s) {
        return s.createQuery(EXISTS, String.class).getResultList();
    }

    private static void persistNotes() {
        db.inTransaction(s -> List.of(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE)
                .forEach(email -> s.persist(new ReadNote(email))));
    }

    @Test
    void countSkipsDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(CountAndExistsTest::hqlCount)).isEqualTo(2L);
    }

    @Test
    void countUnfilteredIncludesDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(s -> s.unfiltered(() -> hqlCount(s)))).isEqualTo(3L);
    }

    @Test
    void countOnlyDeletedCountsOnlyDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(s -> s.onlyDeleted(() -> hqlCount(s)))).isEqualTo(1L);
    }

    @Test
    void criteriaCountSkipsDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(CountAndExistsTest::criteriaCount)).isEqualTo(2L);
    }

    @Test
    void criteriaCountUnfilteredIncludesDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(s -> s.unfiltered(() -> criteriaCount(s)))).isEqualTo(3L);
    }

    @Test
    void criteriaCountOnlyDeletedCountsOnlyDeletedRow() {
        CustomerRows.persist(db);

        assertThat(count(s -> s.onlyDeleted(() -> criteriaCount(s)))).isEqualTo(1L);
    }

    @Test
    void existsIsFalseForDeletedRow() {
        CustomerRows.persist(db);
        persistNotes();

        assertThat(read(CountAndExistsTest::exists))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }

    @Test
    void existsUnfilteredIsTrueForDeletedRow() {
        CustomerRows.persist(db);
        persistNotes();

        assertThat(read(s -> s.unfiltered(() -> exists(s))))
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB, CustomerRows.GONE);
    }

    @Test
    void existsOnlyDeletedIsTrueOnlyForDeletedRow() {
        CustomerRows.persist(db);
        persistNotes();

        assertThat(read(s -> s.onlyDeleted(() -> exists(s)))).containsExactly(CustomerRows.GONE);
    }
}
