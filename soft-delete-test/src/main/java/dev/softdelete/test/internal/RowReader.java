package dev.softdelete.test.internal;

import dev.softdelete.test.TableRow;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the marker columns of one row with plain JDBC on the session's connection. */
public final class RowReader {

    private RowReader() {
    }

    public static TableRow read(Session session, Class<?> entityClass, Object id) {
        SoftDeleteTables.EntityTable table = SoftDeleteTables.of(session.getSessionFactory()).of(entityClass);
        if (table.markerColumn() == null) {
            throw new IllegalArgumentException(entityClass.getName() + " is not soft-deletable: its class hierarchy"
                    + " carries no @dev.softdelete.SoftDelete");
        }
        List<String> columns = new ArrayList<>();
        columns.add(table.markerColumn());
        columns.add(table.actorColumn() == null ? "null" : table.actorColumn());
        columns.add(table.reasonColumn() == null ? "null" : table.reasonColumn());
        // names come from the metamodel, already quoted by the dialect where they need it
        // the scope comment keeps the kit's own unfiltered read out of the leak detector
        String sql = LeakHeuristic.SCOPE_COMMENT + " select " + String.join(", ", columns) + " from " + table.table()
                + " where " + table.idColumn() + " = ?";
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return new TableRow(entityClass.getSimpleName(), table.table(), id, false, null, null, null);
                    }
                    return new TableRow(entityClass.getSimpleName(), table.table(), id, true,
                            JdbcValues.instant(row.getObject(1)), row.getObject(2), row.getObject(3));
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("could not read " + entityClass.getSimpleName() + "#" + id + " with " + sql, e);
            }
        });
    }
}
