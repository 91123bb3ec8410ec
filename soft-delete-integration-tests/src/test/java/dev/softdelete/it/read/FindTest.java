package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class FindTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    @Test
    void findReturnsNullForDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.find(Customer.class, rows.goneId()));

        assertThat(found).isNull();
    }

    @Test
    void findReturnsLiveRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.find(Customer.class, rows.annId()));

        assertThat(found).isNotNull();
        assertThat(found.getEmail()).isEqualTo(CustomerRows.ANN);
    }

    @Test
    @SuppressWarnings("deprecation")
    void getReturnsNullForDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.get(Customer.class, rows.goneId()));

        assertThat(found).isNull();
    }

    @Test
    void findUnfilteredReturnsDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> {
            try (SoftDeleteScope all = s.unfiltered()) {
                return s.find(Customer.class, rows.goneId());
            }
        });

        assertThat(found).isNotNull();
        assertThat(found.getEmail()).isEqualTo(CustomerRows.GONE);
        assertThat(found.isDeleted()).isTrue();
    }

    @Test
    void findUnfilteredReturnsLiveRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.unfiltered(() -> s.find(Customer.class, rows.annId())));

        assertThat(found).isNotNull();
        assertThat(found.isDeleted()).isFalse();
    }

    @Test
    void findOnlyDeletedReturnsDeletedRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.onlyDeleted(() -> s.find(Customer.class, rows.goneId())));

        assertThat(found).isNotNull();
        assertThat(found.isDeleted()).isTrue();
    }

    @Test
    void findOnlyDeletedReturnsNullForLiveRow() {
        CustomerRows rows = CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.onlyDeleted(() -> s.find(Customer.class, rows.annId())));

        assertThat(found).isNull();
    }
}
