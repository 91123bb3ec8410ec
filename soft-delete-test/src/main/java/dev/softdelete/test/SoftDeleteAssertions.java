package dev.softdelete.test;

import dev.softdelete.SoftDeletable;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * Entry point of the soft-delete assertions. Its {@code assertThat} overloads take specific types, so
 * they work next to a static import of AssertJ's own {@code Assertions.assertThat}; an entity that
 * does not implement {@link SoftDeletable} goes through {@link #assertThatEntity(Object)}, since an
 * {@code Object} overload could not win against AssertJ's.
 *
 * <pre>{@code
 * import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * assertThat(customer).isSoftDeleted().wasDeletedBy("alice");
 * assertThat(session).row(Customer.class, id).isSoftDeleted();
 * assertThat(sql).hasNoHardDeletes().hasStatementCountAtMost(3);
 * assertThat(customer.getEmail()).isEqualTo("john@example.com");   // AssertJ's
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SoftDeleteAssertions {

    private SoftDeleteAssertions() {
    }

    /**
     * Starts assertions on the statements a recorder saw.
     *
     * @param recorder the recorder
     * @return the assertion
     * @since 0.1.0
     */
    public static SqlRecorderAssert assertThat(SqlRecorder recorder) {
        return new SqlRecorderAssert(recorder);
    }

    /**
     * Starts assertions on the soft-delete state of an entity that implements {@link SoftDeletable}.
     *
     * @param entity the entity instance
     * @return the assertion
     * @since 0.1.0
     */
    public static EntityAssert assertThat(SoftDeletable entity) {
        return new EntityAssert(entity);
    }

    /**
     * Starts assertions on the soft-delete state of any entity whose class hierarchy carries
     * {@code @SoftDelete}, whether or not it implements {@link SoftDeletable}.
     *
     * @param entity the entity instance
     * @return the assertion
     * @since 0.1.0
     */
    public static EntityAssert assertThatEntity(Object entity) {
        return new EntityAssert(entity);
    }

    /**
     * Starts assertions on what the database holds, read through the session's connection.
     *
     * @param session the session, possibly a {@code SoftDeleteSession}
     * @return the assertion
     * @since 0.1.0
     */
    public static SessionAssert assertThat(Session session) {
        return new SessionAssert(session);
    }

    /**
     * Starts assertions on what the database holds, read through the connection of Hibernate's
     * session behind the entity manager.
     *
     * @param entityManager an entity manager of Hibernate
     * @return the assertion
     * @throws jakarta.persistence.PersistenceException if it is not Hibernate's
     * @since 0.1.0
     */
    public static SessionAssert assertThat(EntityManager entityManager) {
        return new SessionAssert(entityManager == null ? null : entityManager.unwrap(Session.class));
    }
}
