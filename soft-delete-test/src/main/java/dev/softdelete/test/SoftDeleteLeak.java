package dev.softdelete.test;

/**
 * A SELECT that read a soft-deletable table without the soft-delete predicate, outside
 * {@code unfiltered()}: deleted rows could reach its result.
 *
 * @param table the soft-deletable table read, lower case and unquoted
 * @param sql   the SQL text as sent to the driver
 * @since 0.1.0
 */
public record SoftDeleteLeak(String table, String sql) {
}
