package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.model.LiveUniqueStyle;
import org.hibernate.dialect.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the DDL of live-row unique keys for one dialect. The generated schema and the printed
 * scripts share this class (or, for the live column, the same {@link Dialect#generatedAs} Hibernate
 * uses), so a migration script gives the schema that hbm2ddl would have created.
 */
public final class LiveUniqueDdl {

    private final Dialect dialect;
    private final LiveUniqueStyle style;

    public LiveUniqueDdl(Dialect dialect) {
        this.dialect = dialect;
        this.style = LiveUniqueStyle.of(dialect);
        if (style == null) {
            throw new IllegalArgumentException("softdelete: no unique-among-live-rows DDL for "
                    + dialect.getClass().getName() + "; supported: PostgreSQL, H2, MariaDB and MySQL");
        }
    }

    /** {@code case when marker is null then 1 end}: 1 on live rows, NULL (never equal) on deleted ones. */
    public static String liveExpression(String markerColumn) {
        return "case when " + markerColumn + " is null then 1 end";
    }

    /** The statements that add the keys to existing tables: the live column first, where needed. */
    public List<String> create(List<LiveUniqueKey> keys) {
        List<String> statements = new ArrayList<>();
        for (Map.Entry<String, List<LiveUniqueKey>> table : byTable(keys).entrySet()) {
            if (style == LiveUniqueStyle.LIVE_COLUMN) {
                LiveUniqueKey first = table.getValue().get(0);
                statements.add("alter table " + table.getKey() + " add column " + LiveUniqueKey.LIVE_COLUMN
                        + " smallint" + dialect.generatedAs(liveExpression(first.marker().render(dialect))));
            }
            for (LiveUniqueKey key : table.getValue()) {
                statements.add(createKey(table.getKey(), key));
            }
        }
        return statements;
    }

    /** The statement creating one key on a table whose live column (if any) exists. */
    String createKey(String table, LiveUniqueKey key) {
        return style == LiveUniqueStyle.PARTIAL_INDEX
                ? "create unique index " + key.name() + " on " + table + " (" + key.columnList(dialect) + ") where "
                        + key.marker().render(dialect) + " is null"
                : "alter table " + table + " add constraint " + key.name() + " unique (" + key.columnList(dialect)
                        + ", " + LiveUniqueKey.LIVE_COLUMN + ")";
    }

    /** The statements that remove the keys (and the live column), in the reverse order of {@link #create}. */
    public List<String> drop(List<LiveUniqueKey> keys) {
        List<String> statements = new ArrayList<>();
        for (Map.Entry<String, List<LiveUniqueKey>> table : byTable(keys).entrySet()) {
            for (LiveUniqueKey key : table.getValue()) {
                statements.add(dropKey(table.getKey(), key));
            }
            if (style == LiveUniqueStyle.LIVE_COLUMN) {
                statements.add("alter table " + table.getKey() + " drop column " + ifExists()
                        + LiveUniqueKey.LIVE_COLUMN);
            }
        }
        return statements;
    }

    String dropKey(String table, LiveUniqueKey key) {
        if (style == LiveUniqueStyle.PARTIAL_INDEX) {
            // an index lives in its table's schema, so it is named like the table
            String schema = table.contains(".") ? table.substring(0, table.lastIndexOf('.') + 1) : "";
            return "drop index if exists " + schema + key.name();
        }
        return LiveUniqueStyle.isMySqlFamily(dialect)
                ? "alter table " + table + " drop index " + ifExists() + key.name()
                : "alter table " + table + " drop constraint if exists " + key.name();
    }

    /** Drops a plain unique constraint that the database reports under the given name. */
    public String dropPlainConstraint(LiveUniqueKey key, String constraintName) {
        String table = key.tableName(dialect);
        String name = dialect.toQuotedIdentifier(constraintName);
        // MySQL and MariaDB keep a unique constraint as an index of the same name
        return LiveUniqueStyle.isMySqlFamily(dialect)
                ? "alter table " + table + " drop index " + name
                : "alter table " + table + " drop constraint " + name;
    }

    /** MySQL has no IF EXISTS in ALTER TABLE; MariaDB and H2 have. */
    private String ifExists() {
        return LiveUniqueStyle.isMySqlFamily(dialect) && !LiveUniqueStyle.isMariaDb(dialect) ? "" : "if exists ";
    }

    private Map<String, List<LiveUniqueKey>> byTable(List<LiveUniqueKey> keys) {
        Map<String, List<LiveUniqueKey>> tables = new LinkedHashMap<>();
        for (LiveUniqueKey key : keys) {
            tables.computeIfAbsent(key.tableName(dialect), table -> new ArrayList<>()).add(key);
        }
        return tables;
    }
}
