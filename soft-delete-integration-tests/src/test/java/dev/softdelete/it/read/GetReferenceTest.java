package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §3: a proxy from {@code getReference} is initialised like a lazy to-one, by Hibernate's
 * loader for associations, so it loads its row whatever the row's state and whatever the scope;
 * {@code isDeleted()} tells the state.
 */
class GetReferenceTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    @Test
    void referenceToDeletedRowInitialisesToTheDeletedRowInDefaultScope() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer customer = db.fromTransaction(s -> {
            Customer reference = s.getReference(Customer.class, rows.goneId());
            Hibernate.initialize(reference);
            return reference;
        });

        assertThat(Hibernate.isInitialized(customer)).isTrue();
        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void referenceToDeletedRowInitialisesToTheDeletedRowWhenUnfiltered() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer customer = db.fromTransaction(s -> s.unfiltered(() -> {
            Customer reference = s.getReference(Customer.class, rows.goneId());
            Hibernate.initialize(reference);
            return reference;
        }));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void referenceToDeletedRowInitialisesToTheDeletedRowWhenOnlyDeleted() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer customer = db.fromTransaction(s -> s.onlyDeleted(() -> {
            Customer reference = s.getReference(Customer.class, rows.goneId());
            Hibernate.initialize(reference);
            return reference;
        }));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(customer.isDeleted()).isTrue();
    }

    @Test
    void referenceToLiveRowInitialisesToTheLiveRowEvenWhenOnlyDeleted() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer customer = db.fromTransaction(s -> s.onlyDeleted(() -> {
            Customer reference = s.getReference(Customer.class, rows.annId());
            Hibernate.initialize(reference);
            return reference;
        }));

        assertThat(customer.getEmail()).isEqualTo(CustomerRows.ANN);
        assertThat(customer.isDeleted()).isFalse();
    }
}
