package dev.softdelete.test;

/**
 * The kind of an SQL statement, read from its first keyword.
 *
 * @since 0.1.0
 */
public enum StatementKind {
    /** {@code select}, or {@code with ... select}. */
    SELECT,
    /** {@code insert}. */
    INSERT,
    /** {@code update}. */
    UPDATE,
    /** {@code delete}: a hard delete. */
    DELETE,
    /** Anything else: DDL, {@code merge}, {@code call}, {@code truncate}, ... */
    OTHER
}
