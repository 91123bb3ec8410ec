package dev.softdelete.hibernate;

import java.util.Objects;

/**
 * Where the rows of one soft-deletable entity live, as the database names them: for tools and tests
 * that read the tables directly (a migration check, an assertion on a row, a SQL log filter).
 * Names are as Hibernate renders them (quoted if the mapping quotes them).
 *
 * @param entityName      the entity's name
 * @param entityClass     the entity's class (null for a dynamic-map entity)
 * @param table           the table holding the marker: the root's table, or, in a {@code TABLE_PER_CLASS}
 *                        hierarchy, the entity's own table
 * @param idColumn        the id column of that table, or null when the id has several columns
 * @param markerColumn    the column holding the deletion instant
 * @param deletedByColumn the column holding the actor, or null when not recorded
 * @param reasonColumn    the column holding the reason, or null when not recorded
 * @param operationColumn the column holding the id of the delete operation that marked the row
 * @since 0.1.0
 */
public record SoftDeletableTable(String entityName, Class<?> entityClass, String table, String idColumn,
        String markerColumn, String deletedByColumn, String reasonColumn, String operationColumn) {

    /**
     * Checks the names that are always present.
     *
     * @since 0.1.0
     */
    public SoftDeletableTable {
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(markerColumn, "markerColumn");
        Objects.requireNonNull(operationColumn, "operationColumn");
    }
}
