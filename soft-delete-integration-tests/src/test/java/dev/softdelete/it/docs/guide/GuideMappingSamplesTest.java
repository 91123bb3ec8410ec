package dev.softdelete.it.docs.guide;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's §1 samples: the mapped superclass's columns, and a reason that outlives its scope until the flush. */
class GuideMappingSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, Order.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @Test
    void theSuperclassMapsTheMarkerAndTheActor() {
        Long id = db.fromTransaction(s -> {
            Order order = new Order();
            s.persist(order);
            return order.id;
        });
        db.inTransaction(s -> s.remove(s.find(Order.class, id)));

        Order deleted = db.fromTransaction(s -> s.unfiltered(() -> s.find(Order.class, id)));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.getDeletedBy()).isEqualTo("alice");
        assertThat(db.rows("select deleted_at, deleted_by from orders where id = ?", id)).singleElement()
                .satisfies(row -> assertThat(row.get("deleted_by")).isEqualTo("alice"));
    }

    @Test
    void theReasonIsRecordedWhenTheFlushComesAfterTheScope() {
        Long id = Customers.create(db, "bot@spam.example");

        db.sessionFactory().inTransaction(session -> {
            Customer customer = session.find(Customer.class, id);
            // tag::guide-reason[]
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(customer);
            }
            // the flush may come later, after the scope has closed: the reason "spam" is still recorded
            // end::guide-reason[]
            assertThat(db.rows("select deleted_at from customer where id = ?", id).get(0).get("deleted_at"))
                    .as("not flushed yet").isNull();
        });

        assertThat(db.rows("select delete_reason from customer where id = ?", id)).singleElement()
                .satisfies(row -> assertThat(row.get("delete_reason")).isEqualTo("spam"));
    }
}
