package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.internal.model.LiveUniqueKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, in a live database, the plain unique constraints that still cover a live-row key: a UNIQUE
 * constraint over exactly the key's columns (a live-row key has the live column too, or is a partial
 * index, which is no constraint). Reads the standard {@code information_schema}, which H2, PostgreSQL,
 * MariaDB and MySQL all have, because H2's index names differ from its constraint names.
 */
public final class PlainUniqueConstraints {

    /** A plain unique constraint found in the database, and the key that should replace it. */
    public record Found(LiveUniqueKey key, String constraintName) {
    }

    private static final String SQL = "select tc.constraint_name, kcu.column_name"
            + " from information_schema.table_constraints tc join information_schema.key_column_usage kcu"
            + " on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema"
            + " and kcu.table_name = tc.table_name"
            + " where tc.constraint_type = 'UNIQUE' and lower(tc.table_name) = ? and lower(tc.table_schema) = ?";

    private PlainUniqueConstraints() {
    }

    public static List<Found> find(Connection connection, List<LiveUniqueKey> keys) throws SQLException {
        // MariaDB and MySQL call a database a catalog, and information_schema calls it a schema
        String currentSchema = connection.getSchema() != null ? connection.getSchema() : connection.getCatalog();
        List<Found> found = new ArrayList<>();
        for (LiveUniqueKey key : keys) {
            String schema = key.table().getSchemaName() != null ? key.table().getSchemaName().getText() : currentSchema;
            Set<String> keyColumns = lowerCase(key.columnNames());
            for (Map.Entry<String, Set<String>> constraint : uniqueConstraints(connection,
                    key.table().getTableName().getText(), schema).entrySet()) {
                if (constraint.getValue().equals(keyColumns)) {
                    found.add(new Found(key, constraint.getKey()));
                }
            }
        }
        return found;
    }

    private static Map<String, Set<String>> uniqueConstraints(Connection connection, String table, String schema)
            throws SQLException {
        Map<String, Set<String>> constraints = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, table.toLowerCase(Locale.ROOT));
            statement.setString(2, schema == null ? "" : schema.toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    constraints.computeIfAbsent(rows.getString(1), name -> new TreeSet<>())
                            .add(rows.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return constraints;
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
