package dev.softdelete.hibernate.internal.jdbc;

import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Has PostgreSQL plan a statement that binds a list of values for those values, every time it runs.
 * From a statement's fifth execution on a connection, pgjdbc prepares it on the server, and PostgreSQL
 * may then keep one generic plan for it. In a generic plan, an {@code in (?, ?, …)} list that is not
 * the index condition is tested value by value against every row, where a plan made for the values
 * hashes the list. A level of a deep tree (500 ids, reached through the index on the operation id) took
 * 34–45 ms a statement that way against 0.6 ms (docs/benchmarks.md, "Deep self-referencing trees"). So
 * such a statement is sent unnamed, with pgjdbc's prepare threshold at 0 for it alone: parsed and
 * planned each time, a fraction of a millisecond. Other drivers, other databases and statements with
 * fewer parameters are left as they are.
 */
final class ValuePlans {

    /** PostgreSQL hashes a list of constants from nine values on ({@code MIN_ARRAY_SIZE_FOR_HASHED_SAOP}). */
    static final int LIST_PARAMETERS = 9;

    private static final String PG_STATEMENT = "org.postgresql.PGStatement";

    private static final Logger LOG = Logger.getLogger(ValuePlans.class);

    private ValuePlans() {
    }

    static void planForValues(PreparedStatement statement, int parameters, SharedSessionContractImplementor session) {
        if (parameters < LIST_PARAMETERS || !(session.getJdbcServices().getDialect() instanceof PostgreSQLDialect)) {
            return;
        }
        Class<?> pgStatement = pgStatement(statement);
        if (pgStatement == null) {
            LOG.debugf("softdelete: %s is not reachable from %s; PostgreSQL may keep a generic plan for long id lists",
                    PG_STATEMENT, statement.getClass().getName());
            return;
        }
        try {
            if (statement.isWrapperFor(pgStatement)) {
                pgStatement.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pgStatement), 0);
            }
        }
        catch (ReflectiveOperationException | SQLException e) {
            // another driver behind the wrapper: the statement runs as that driver runs it anyway
            LOG.debugf("softdelete: cannot ask the driver to plan a statement for its values: %s", e);
        }
    }

    /**
     * pgjdbc's statement interface, from the loader of the statement (usually the driver's, or a pool's
     * beside it), else the context loader or this library's (an application server's wrapper may come
     * from a loader that does not see the driver); null where none has it.
     */
    private static Class<?> pgStatement(PreparedStatement statement) {
        for (ClassLoader loader : new ClassLoader[] {statement.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ValuePlans.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(PG_STATEMENT, false, loader);
            }
            catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
