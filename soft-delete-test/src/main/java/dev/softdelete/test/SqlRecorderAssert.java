package dev.softdelete.test;

import dev.softdelete.test.internal.SoftDeleteTables;
import org.assertj.core.api.AbstractAssert;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Objects;

/**
 * Assertions on the statements a {@link SqlRecorder} saw. Every failure message lists them all.
 *
 * <pre>{@code
 * assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1).hasStatementCountAtMost(3);
 * assertThat(sql).withSessionFactory(sessionFactory).hasNoHardDeletesOn(Customer.class);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SqlRecorderAssert extends AbstractAssert<SqlRecorderAssert, SqlRecorder> {

    private SessionFactory sessionFactory;

    SqlRecorderAssert(SqlRecorder actual) {
        super(actual, SqlRecorderAssert.class);
        this.sessionFactory = actual == null ? null : actual.sessionFactory();
    }

    /**
     * Names the SessionFactory whose metamodel turns entity classes into tables, for a recorder that
     * was not {@linkplain SqlRecorder#bind bound} to one.
     *
     * @param factory the SessionFactory the statements came from
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert withSessionFactory(SessionFactory factory) {
        this.sessionFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    private String tableOf(Class<?> entityClass) {
        if (sessionFactory == null) {
            throw new IllegalStateException("hasNoHardDeletesOn(" + entityClass.getSimpleName() + ".class) needs the"
                    + " SessionFactory to find its table: call sql.bind(sessionFactory) or"
                    + " assertThat(sql).withSessionFactory(sessionFactory)");
        }
        return SoftDeleteTables.of(sessionFactory).of(entityClass).table();
    }

    /**
     * Verifies that no {@code DELETE} statement ran on the table of an entity (for JOINED
     * hierarchies, the root table).
     *
     * @param entityClass the entity class
     * @return this assertion
     * @throws IllegalStateException if no SessionFactory is known ({@link #withSessionFactory})
     * @since 0.1.0
     */
    public SqlRecorderAssert hasNoHardDeletesOn(Class<?> entityClass) {
        isNotNull();
        return hasNoHardDeletesOn(tableOf(entityClass));
    }

    /**
     * Verifies that the leak detector ({@link SqlRecorder#detectLeaks}) found no SELECT reading a
     * soft-deletable table without the soft-delete predicate.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasNoLeaks() {
        isNotNull();
        List<SoftDeleteLeak> leaks = actual.leaks();
        if (!leaks.isEmpty()) {
            StringBuilder text = new StringBuilder();
            leaks.forEach(leak -> text.append(String.format("%n  - table %s read without its soft-delete predicate: %s",
                    leak.table(), leak.sql())));
            failWithMessage("Expected no soft-delete leak but found %d:%s", leaks.size(), text);
        }
        return this;
    }

    /**
     * Verifies that no {@code DELETE} statement ran.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasNoHardDeletes() {
        isNotNull();
        if (actual.count(StatementKind.DELETE) > 0) {
            failWithMessage("Expected no hard DELETE but %d ran; statements:%s",
                    actual.count(StatementKind.DELETE), actual.dump());
        }
        return this;
    }

    /**
     * Verifies that no {@code DELETE} statement ran on the given table.
     *
     * @param table the table name, in any case
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasNoHardDeletesOn(String table) {
        isNotNull();
        long deletes = actual.count(StatementKind.DELETE, table);
        if (deletes > 0) {
            failWithMessage("Expected no hard DELETE on %s but %d ran; statements:%s", table, deletes, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of statements that ran, batch entries counted one by one.
     *
     * @param expected the expected number
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasStatementCount(int expected) {
        isNotNull();
        int count = actual.statements().size();
        if (count != expected) {
            failWithMessage("Expected %d statements but %d ran:%s", expected, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies that at most the given number of statements ran.
     *
     * @param maximum the largest acceptable number
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasStatementCountAtMost(int maximum) {
        isNotNull();
        int count = actual.statements().size();
        if (count > maximum) {
            failWithMessage("Expected at most %d statements but %d ran:%s", maximum, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of statements of one kind on one table.
     *
     * @param kind     the kind
     * @param table    the table name, in any case
     * @param expected the expected number
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert has(StatementKind kind, String table, int expected) {
        isNotNull();
        long count = actual.count(kind, table);
        if (count != expected) {
            failWithMessage("Expected %d %s on %s but %d ran; statements:%s", expected, kind, table, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of {@code UPDATE} statements on one table.
     *
     * @param table    the table name, in any case
     * @param expected the expected number
     * @return this assertion
     * @since 0.1.0
     */
    public SqlRecorderAssert hasUpdates(String table, int expected) {
        return has(StatementKind.UPDATE, table, expected);
    }
}
