package dev.softdelete.hibernate.internal.model;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.QualifiedTableName;
import org.hibernate.dialect.Dialect;

import java.util.List;
import java.util.StringJoiner;

/**
 * One unique key of a soft-deletable table that holds among live rows only, described without
 * reference to a dialect, so that the DDL can be rendered for any database.
 *
 * @param entityName the entity whose table declares the key (the hierarchy root's, for a shared table)
 * @param table      the table holding the key and the marker
 * @param name       the constraint name: the declared one, else Hibernate's implicit one
 * @param columns    the key columns, in declaration order
 * @param marker     the marker column, null on live rows
 */
public record LiveUniqueKey(String entityName, QualifiedTableName table, String name, List<Identifier> columns,
        Identifier marker) {

    /** The column that is non-null on live rows only, on databases without partial indexes. */
    public static final String LIVE_COLUMN = "sd_live";

    public String tableName(Dialect dialect) {
        StringJoiner name = new StringJoiner(".");
        if (table.getCatalogName() != null) {
            name.add(table.getCatalogName().render(dialect));
        }
        if (table.getSchemaName() != null) {
            name.add(table.getSchemaName().render(dialect));
        }
        return name.add(table.getTableName().render(dialect)).toString();
    }

    public String columnList(Dialect dialect) {
        StringJoiner list = new StringJoiner(", ");
        columns.forEach(column -> list.add(column.render(dialect)));
        return list.toString();
    }

    /** The column names as the database reports them in its catalog, for comparison. */
    public List<String> columnNames() {
        return columns.stream().map(Identifier::getText).toList();
    }
}
