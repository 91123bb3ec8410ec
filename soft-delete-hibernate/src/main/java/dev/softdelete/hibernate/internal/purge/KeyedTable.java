package dev.softdelete.hibernate.internal.purge;

/**
 * A table column holding ids of a purged entity: a collection table, a subclass or secondary table,
 * or the foreign key of a referencing entity.
 *
 * @param table  the table
 * @param column the column holding the id
 */
record KeyedTable(String table, String column) {
}
