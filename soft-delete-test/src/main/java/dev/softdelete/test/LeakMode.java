package dev.softdelete.test;

/**
 * What the leak detector of a {@link SqlRecorder} does with a SELECT that reads a soft-deletable
 * table without the soft-delete predicate.
 *
 * @since 0.1.0
 */
public enum LeakMode {
    /** Keep it in {@link SqlRecorder#leaks()} (and keep every statement): for tests. */
    COLLECT,
    /** Log it at WARN with the table and the SQL (never bound values) and keep nothing: for production. */
    LOG
}
