package dev.softdelete.it.docs.guide;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's samples of §1 and §2 (the entity, remove, bulk delete, hard delete) and of native SQL. */
class GuideDeletingSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @Test
    void removeIsOneUpdateThatFillsTheActorAndTheReason() {
        Long id = Customers.create(db, "ann@example.com");
        db.sql().reset();

        db.sessionFactory().inTransaction(session -> {
            Customer customer = session.find(Customer.class, id);
            try (SoftDeleteScope why = SoftDeleteSession.wrap(session).deletingBecause("closed")) {
                // tag::guide-remove[]
                session.remove(customer);      // or entityManager.remove(customer)
                // end::guide-remove[]
                session.flush();
            }
        });

        assertThat(db.sql().count(StatementKind.UPDATE, "customer")).isEqualTo(1);
        assertThat(db.sql().count(StatementKind.DELETE)).isZero();
        assertThat(db.rows("select deleted_at, deleted_by, delete_reason, version from customer where id = ?", id))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("deleted_at")).isNotNull();
                    assertThat(row.get("deleted_by")).isEqualTo("alice");
                    assertThat(row.get("delete_reason")).isEqualTo("closed");
                    assertThat(((Number) row.get("version")).longValue()).isEqualTo(1L);
                });
    }

    @Test
    void aBulkDeleteMarksTheMatchingLiveRows() {
        Long spam = Customers.create(db, "bot@spam.example");
        Long kept = Customers.create(db, "ann@example.com");
        db.sql().reset();

        int count = db.sessionFactory().fromTransaction(session -> {
            // tag::guide-bulk-delete[]
            int marked = session.createMutationQuery("delete from Customer c where c.email like :domain")
                    .setParameter("domain", "%@spam.example")
                    .executeUpdate();
            // end::guide-bulk-delete[]
            return marked;
        });

        assertThat(count).isEqualTo(1);
        assertThat(db.sql().count(StatementKind.DELETE)).isZero();
        assertThat(db.rows("select id from customer where deleted_at is not null")).extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(spam);
        assertThat(db.rows("select id from customer where deleted_at is null")).extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(kept);
    }

    @Test
    void hardDeleteErasesByIdAndByInstance() {
        Long id = Customers.create(db, "ann@example.com");
        Long other = Customers.create(db, "bob@example.com");
        Customer customer = db.fromTransaction(s -> s.find(Customer.class, other));   // detached after this

        db.sessionFactory().inTransaction(session -> {
            // tag::guide-hard-delete[]
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            s.hardDelete(Customer.class, id);   // erases now, deleted or not; no loading
            s.hardDelete(customer);             // the same for an instance, managed or detached
            // end::guide-hard-delete[]
        });

        assertThat(db.rows("select id from customer")).isEmpty();
    }

    @Test
    void aNativeQueryReadsLiveRowsWithThePredicateWrittenOut() {
        Long live = Customers.create(db, "ann@example.com");
        Long deleted = Customers.create(db, "bob@example.com");
        Customers.create(db, "cy@elsewhere.example");
        db.inTransaction(s -> s.remove(s.find(Customer.class, deleted)));

        List<Object[]> found = db.sessionFactory().fromTransaction(session -> {
            // tag::guide-native-query[]
            List<Object[]> rows = session.createNativeQuery(
                    "select id, email from customer where deleted_at is null and email like :domain", Object[].class)
                    .setParameter("domain", "%@example.com")
                    .list();
            // end::guide-native-query[]
            return rows;
        });

        assertThat(found).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).longValue()).isEqualTo(live);
            assertThat(row[1]).isEqualTo("ann@example.com");
        });
    }
}
