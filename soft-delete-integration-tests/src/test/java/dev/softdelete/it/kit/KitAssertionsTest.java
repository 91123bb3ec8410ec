package dev.softdelete.it.kit;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's entity and row assertions against real databases: marker types and JDBC values differ per driver. */
class KitAssertionsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class, Tag.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW))
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private Long persistCustomer(String email) {
        return db.fromTransaction(s -> {
            Customer customer = new Customer(email, "C");
            s.persist(customer);
            return customer.getId();
        });
    }

    @Test
    void rowAssertionsReadTheMarkerActorAndReasonFromTheTable() {
        Long id = persistCustomer("a@example.com");

        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(Customer.class, id));
            }
        });

        db.inTransaction(s -> assertThat(s).row(Customer.class, id).isSoftDeleted().wasDeletedAt(NOW)
                .wasDeletedBy("alice").wasDeletedBecause("spam"));
    }

    @Test
    void rowAssertionsFailOnALiveRowNamingItsTable() {
        Long id = persistCustomer("b@example.com");

        db.inTransaction(s -> assertThatThrownBy(() -> assertThat(s).row(Customer.class, id).isSoftDeleted())
                .hasMessage("Expecting row Customer#" + id + " in table customer [marker=null, deletedBy=null,"
                        + " reason=null] to be soft-deleted but its marker is null"));
    }

    @Test
    void aMissingRowIsReportedAsMissing() {
        db.inTransaction(s -> {
            assertThat(s).row(Customer.class, -1L).doesNotExist();
            assertThatThrownBy(() -> assertThat(s).row(Customer.class, -1L).isActive())
                    .hasMessage("Expecting a row for Customer#-1 in table customer but there is none");
        });
    }

    @Test
    void entityAssertionsReadTheInstanceAfterTheFlush() {
        Long id = persistCustomer("c@example.com");

        db.inTransaction(s -> {
            Customer customer = s.find(Customer.class, id);
            assertThat(customer).isActive();
            s.remove(customer);
            s.flush();
            assertThat(customer).isSoftDeleted().wasDeletedAt(NOW).wasDeletedBy("alice");
            assertThatThrownBy(() -> assertThat(customer).wasDeletedBy("bob"))
                    .hasMessage("Expecting Customer#" + id + " [deletedAt=2026-03-01T10:15:30.123456Z, deletedBy=alice,"
                            + " deleteReason=null] to be deleted by <bob> but deletedBy is <alice>");
        });
    }

    @Test
    void bothAssertThatImportsResolve() {
        Long id = persistCustomer("d@example.com");

        db.inTransaction(s -> {
            Customer customer = s.find(Customer.class, id);
            assertThat(customer.getEmail()).isEqualTo("d@example.com");
            assertThat(customer).isActive();
            assertThat(s).row(Customer.class, id).isActive();
        });
    }
}
