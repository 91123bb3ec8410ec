package dev.softdelete.it.unique;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.it.model.UniqueCustomer;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A restore that would give two live rows one unique key fails before changing anything. */
class RestoreConflictTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueCustomer.class);

    private static Long persist(String email) {
        return db.fromTransaction(s -> {
            UniqueCustomer customer = new UniqueCustomer(email);
            s.persist(customer);
            return customer.getId();
        });
    }

    private static void delete(Long id) {
        db.inTransaction(s -> s.remove(s.find(UniqueCustomer.class, id)));
    }

    @Test
    void restoreWhileAnotherLiveRowHoldsTheKeyFailsNamingEntityConstraintAndLiveId() {
        // GIVEN
        Long old = persist("john@example.com");
        delete(old);
        Long fresh = persist("john@example.com");

        // WHEN
        RestoreConflictException conflict = catchThrowableOfType(RestoreConflictException.class,
                () -> db.inTransaction(s -> s.restore(UniqueCustomer.class, old)));

        // THEN
        assertThat(conflict).isInstanceOf(PersistenceException.class);
        assertThat(conflict.getEntityName()).isEqualTo(UniqueCustomer.class.getName());
        assertThat(conflict.getColumns()).containsExactly("email");
        assertThat(conflict.getConstraintName()).isNotBlank();
        assertThat(conflict.getRestoredId()).isEqualTo(old);
        assertThat(conflict.getLiveId()).isEqualTo(fresh);
        assertThat(conflict).hasMessageContaining("cannot restore " + UniqueCustomer.class.getName() + "#" + old)
                .hasMessageContaining(conflict.getConstraintName() + " [email]")
                .hasMessageContaining("live row " + UniqueCustomer.class.getName() + "#" + fresh)
                .hasMessageContaining("Nothing was restored");
    }

    @Test
    void aRefusedRestoreLeavesTheRowDeleted() {
        // GIVEN
        Long old = persist("john@example.com");
        delete(old);
        persist("john@example.com");

        // WHEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(UniqueCustomer.class, old)))
                .isInstanceOf(RestoreConflictException.class);

        // THEN
        assertThat(db.row("unique_customer", old).get("deleted_at")).isNotNull();
        assertThat(db.rows("select id from unique_customer where deleted_at is null")).hasSize(1);
    }

    @Test
    void restoreSucceedsOnceTheLiveHolderIsDeleted() {
        // GIVEN
        Long old = persist("john@example.com");
        delete(old);
        delete(persist("john@example.com"));

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(UniqueCustomer.class, old));

        // THEN
        assertThat(restored).isTrue();
        assertThat(db.row("unique_customer", old).get("deleted_at")).isNull();
    }

    @Test
    void restoreOfAnEntityInstanceIsCheckedToo() {
        // GIVEN
        Long old = persist("john@example.com");
        delete(old);
        persist("john@example.com");

        // WHEN / THEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.unfiltered(() -> s.restore(s.find(UniqueCustomer.class, old)))))
                .isInstanceOf(RestoreConflictException.class);
        assertThat(db.row("unique_customer", old).get("deleted_at")).isNotNull();
    }
}
