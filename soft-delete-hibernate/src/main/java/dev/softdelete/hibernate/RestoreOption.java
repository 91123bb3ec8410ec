package dev.softdelete.hibernate;

/**
 * Options of {@link SoftDeleteSession#restore(Object, RestoreOption...)}.
 *
 * <pre>{@code
 * session.restore(comment, RestoreOption.WITH_PARENTS);   // restores its deleted post first
 * }</pre>
 *
 * @since 0.1.0
 */
public enum RestoreOption {

    /**
     * Restores the deleted parents of the row first: the rows whose REMOVE cascade reaches it (and, in
     * turn, their own deleted parents). Without it, restoring a row whose parent is still deleted
     * fails, since the restored row would hang from a deleted one.
     */
    WITH_PARENTS
}
