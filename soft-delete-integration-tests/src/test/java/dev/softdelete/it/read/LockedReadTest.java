package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that locks goes through loaders of its own in Hibernate (one per lock mode), and its SQL ends in
 * the database's locking clause: it must hide deleted rows as the plain read does, for every JPA lock
 * mode and for Hibernate's pessimistic ones, by id, by several ids, by natural id and in a query.
 */
class LockedReadTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    @ParameterizedTest
    @EnumSource(LockModeType.class)
    void findWithALockHidesADeletedRow(LockModeType mode) {
        CustomerRows rows = CustomerRows.persist(db);

        Customer gone = db.fromTransaction(s -> s.find(Customer.class, rows.goneId(), mode));
        Customer ann = db.fromTransaction(s -> s.find(Customer.class, rows.annId(), mode));

        assertThat(gone).isNull();
        assertThat(ann).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = LockMode.class, names = {"PESSIMISTIC_READ", "PESSIMISTIC_WRITE", "UPGRADE_NOWAIT",
            "UPGRADE_SKIPLOCKED"})
    void pessimisticLoadsByIdByIdsAndByNaturalIdHideADeletedRow(LockMode mode) {
        CustomerRows rows = CustomerRows.persist(db);
        LockOptions lock = new LockOptions(mode);

        Customer byId = db.fromTransaction(s -> s.byId(Customer.class).with(lock).load(rows.goneId()));
        List<Customer> byIds = db.fromTransaction(s -> s.byMultipleIds(Customer.class).with(lock).multiLoad(rows.all()));
        Customer byNaturalId = db.fromTransaction(s -> s.bySimpleNaturalId(Customer.class).with(lock)
                .load(CustomerRows.GONE));

        assertThat(byId).isNull();
        assertThat(byIds).filteredOn(Objects::nonNull).extracting(Customer::getEmail)
                .containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
        assertThat(byNaturalId).isNull();
    }

    @Test
    void aLockingQueryHidesDeletedRows() {
        CustomerRows.persist(db);

        List<String> emails = db.fromTransaction(s -> s.createSelectionQuery("from Customer", Customer.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().map(Customer::getEmail).toList());

        assertThat(emails).containsExactlyInAnyOrder(CustomerRows.ANN, CustomerRows.BOB);
    }
}
