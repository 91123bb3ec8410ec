package dev.softdelete.hibernate.internal.jdbc;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs library SQL on the session's own connection and transaction, through Hibernate's statement
 * preparer (so statement inspectors, logging and statistics see it). The text holds only names from
 * the mapping model; every value is a bind parameter.
 */
public final class Mutations {

    /**
     * Leads every read the library runs here. Of soft-deletable tables these reads take ids, counts and marker
     * values for the library, never entities for the application, and several look at deleted rows on purpose
     * (a restore, an erase); the test kit's leak detector and a reader of the SQL log tell them from
     * application SQL by this comment.
     */
    public static final String LIBRARY_READ = "/* softdelete */ ";

    private Mutations() {
    }

    public static int executeUpdate(SharedSessionContractImplementor session, String sql, Binds binds) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        // statements Hibernate has batched must reach the database before ours, in flush order
        jdbc.executeBatch();
        // the mutation preparer leaves logging to its caller, as Hibernate's own mutation executors do:
        // without this, show_sql and the org.hibernate.SQL logger would not show the library's writes
        session.getJdbcServices().getSqlStatementLogger().logStatement(sql);
        PreparedStatement statement = jdbc.getMutationStatementPreparer().prepareStatement(sql, false);
        try {
            ValuePlans.planForValues(statement, binds.values().size(), session);
            bind(statement, binds, session);
            return jdbc.getResultSetReturn().executeUpdate(statement, sql);
        }
        finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /** Runs a query returning one column, read as the domain values of the given JDBC mapping. */
    public static List<Object> selectColumn(SharedSessionContractImplementor session, String sql, Binds binds,
            JdbcMapping column) {
        return selectColumn(session, sql, binds, column, 0);
    }

    /** As {@link #selectColumn(SharedSessionContractImplementor, String, Binds, JdbcMapping)}, reading at most {@code maxRows} rows (0: all). */
    public static List<Object> selectColumn(SharedSessionContractImplementor session, String sql, Binds binds,
            JdbcMapping column, int maxRows) {
        List<Object> values = new ArrayList<>();
        for (Object[] row : selectRows(session, sql, binds, maxRows, column)) {
            values.add(row[0]);
        }
        return values;
    }

    /** Runs a query returning the given columns, each read as the domain values of its JDBC mapping. */
    public static List<Object[]> selectRows(SharedSessionContractImplementor session, String sql, Binds binds,
            JdbcMapping... columns) {
        return selectRows(session, sql, binds, 0, columns);
    }

    private static List<Object[]> selectRows(SharedSessionContractImplementor session, String sql, Binds binds,
            int maxRows, JdbcMapping... columns) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        String tagged = LIBRARY_READ + sql;
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(tagged);
        try {
            statement.setMaxRows(maxRows);
            ValuePlans.planForValues(statement, binds.values().size(), session);
            bind(statement, binds, session);
            ResultSet resultSet = jdbc.getResultSetReturn().extract(statement, tagged);
            List<Object[]> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] row = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    row[i] = read(resultSet, i + 1, columns[i], session);
                }
                rows.add(row);
            }
            return rows;
        }
        catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read soft-delete state", tagged);
        }
        finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    private static Object read(ResultSet resultSet, int position, JdbcMapping column,
            SharedSessionContractImplementor session) throws SQLException {
        return column.convertToDomainValue(column.getJdbcValueExtractor().extract(resultSet, position, session));
    }

    private static void bind(PreparedStatement statement, Binds binds, SharedSessionContractImplementor session) {
        int position = 1;
        try {
            for (Binds.Bind bind : binds.values()) {
                bindOne(statement, bind, position++, session);
            }
        }
        catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not bind soft-delete parameter");
        }
    }

    @SuppressWarnings("unchecked")
    private static void bindOne(PreparedStatement statement, Binds.Bind bind, int position,
            SharedSessionContractImplementor session) throws SQLException {
        bind.mapping().getJdbcValueBinder().bind(statement, bind.value(), position, session);
    }
}
