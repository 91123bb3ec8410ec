package dev.softdelete.test;

import dev.softdelete.test.internal.RowReader;
import org.assertj.core.api.AbstractAssert;
import org.hibernate.Session;

/**
 * The entry to assertions on table rows through a session's JDBC connection: in the session's
 * transaction, so it sees what the session flushed, and below every visibility scope and the
 * persistence context.
 *
 * <pre>{@code
 * session.flush();
 * assertThat(session).row(Customer.class, id).isSoftDeleted();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SessionAssert extends AbstractAssert<SessionAssert, Session> {

    SessionAssert(Session actual) {
        super(actual, SessionAssert.class);
    }

    /**
     * Reads the row of an entity from its table with plain JDBC (table and column names from
     * Hibernate's mapping metamodel) and starts assertions on it. Does not flush; the read runs on
     * the session's connection and is recorded by a {@link SqlRecorder} below it.
     *
     * @param entityClass a soft-deletable entity class
     * @param id          the id of the row
     * @return the assertion on that row
     * @throws IllegalArgumentException if the class is not a soft-deletable entity of the session's factory
     * @since 0.1.0
     */
    public RowAssert row(Class<?> entityClass, Object id) {
        isNotNull();
        return new RowAssert(RowReader.read(actual, entityClass, id));
    }
}
