package dev.softdelete.it.unique;

import dev.softdelete.it.model.UniqueCustomer;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @Column(unique = true)} on a soft-deletable entity holds among live rows only. */
class UniqueColumnTest {

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
    void aDeletedRowDoesNotBlockANewLiveRowWithTheSameValue() {
        // GIVEN
        Long old = persist("john@example.com");
        delete(old);

        // WHEN
        Long fresh = persist("john@example.com");

        // THEN
        assertThat(fresh).isNotEqualTo(old);
        assertThat(db.rows("select id from unique_customer where email = ? and deleted_at is null", "john@example.com"))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("id")).longValue()).isEqualTo(fresh));
        assertThat(db.countRows("unique_customer")).isEqualTo(2);
    }

    @Test
    void twoLiveRowsWithTheSameValueViolateTheConstraint() {
        // GIVEN
        delete(persist("john@example.com"));
        persist("john@example.com");

        // WHEN / THEN
        assertThatThrownBy(() -> persist("john@example.com")).isInstanceOf(ConstraintViolationException.class);
        assertThat(db.countRows("unique_customer")).isEqualTo(2);
    }

    @Test
    void twoDeletedRowsMayShareTheValue() {
        // GIVEN
        delete(persist("john@example.com"));

        // WHEN
        delete(persist("john@example.com"));

        // THEN
        assertThat(db.rows("select id from unique_customer where email = ? and deleted_at is not null",
                "john@example.com")).hasSize(2);
    }
}
