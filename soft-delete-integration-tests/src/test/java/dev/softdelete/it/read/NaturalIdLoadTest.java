package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer.email is the natural id; both the 7.3+ {@code find(..., KeyType.NATURAL)} and {@code bySimpleNaturalId}. */
class NaturalIdLoadTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    @SuppressWarnings("deprecation")
    private static Customer bySimpleNaturalId(SoftDeleteSession s, String email) {
        return s.bySimpleNaturalId(Customer.class).load(email);
    }

    private static Customer findByNaturalId(SoftDeleteSession s, String email) {
        return s.find(Customer.class, email, KeyType.NATURAL);
    }

    @Test
    void bySimpleNaturalIdHidesDeletedRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> bySimpleNaturalId(s, CustomerRows.GONE));

        assertThat(found).isNull();
    }

    @Test
    void bySimpleNaturalIdReturnsLiveRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> bySimpleNaturalId(s, CustomerRows.ANN));

        assertThat(found).isNotNull();
        assertThat(found.getEmail()).isEqualTo(CustomerRows.ANN);
    }

    @Test
    void bySimpleNaturalIdUnfilteredReturnsDeletedRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.unfiltered(() -> bySimpleNaturalId(s, CustomerRows.GONE)));

        assertThat(found).isNotNull();
        assertThat(found.isDeleted()).isTrue();
    }

    @Test
    void bySimpleNaturalIdOnlyDeletedReturnsDeletedRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.onlyDeleted(() -> bySimpleNaturalId(s, CustomerRows.GONE)));

        assertThat(found).isNotNull();
        assertThat(found.isDeleted()).isTrue();
    }

    @Test
    void bySimpleNaturalIdOnlyDeletedHidesLiveRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.onlyDeleted(() -> bySimpleNaturalId(s, CustomerRows.ANN)));

        assertThat(found).isNull();
    }

    @Test
    void findByNaturalKeyHidesDeletedRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> findByNaturalId(s, CustomerRows.GONE));

        assertThat(found).isNull();
    }

    @Test
    void findByNaturalKeyUnfilteredReturnsDeletedRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.unfiltered(() -> findByNaturalId(s, CustomerRows.GONE)));

        assertThat(found).isNotNull();
        assertThat(found.isDeleted()).isTrue();
    }

    @Test
    void findByNaturalKeyOnlyDeletedHidesLiveRow() {
        CustomerRows.persist(db);

        Customer found = db.fromTransaction(s -> s.onlyDeleted(() -> findByNaturalId(s, CustomerRows.ANN)));

        assertThat(found).isNull();
    }
}
