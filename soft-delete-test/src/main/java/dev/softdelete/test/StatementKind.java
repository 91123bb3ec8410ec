package dev.softdelete.test;

/**
 * The kind of an SQL statement, read from its first keyword.
 *
 * @since 0.1.0
 */
public enum StatementKind {
    /** {@code select}, or {@code with ... select}. */
    SELECT,
    /** {@code insert}, or a {@code merge} that neither updates nor deletes (an insert of missing rows). */
    INSERT,
    /** {@code update}, or a {@code merge} whose branches update and none deletes. */
    UPDATE,
    /** {@code delete}, or a {@code merge} with a branch that deletes: a hard delete. */
    DELETE,
    /** Anything else: DDL, {@code call}, {@code truncate}, ... */
    OTHER
}
