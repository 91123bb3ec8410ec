package dev.softdelete.hibernate;

import org.hibernate.HibernateException;

/**
 * Thrown when a row is linked under a REMOVE-cascading (or {@code @OnSoftDelete(DENY)}) association
 * whose parent is soft-deleted: typically by a session that loaded the parent while it was live and,
 * after another transaction deleted it, added a new child to it or moved an existing row under it (a
 * changed many-to-one, a row added to a collection that writes the key, a new many-to-many link). The
 * delete's cascade (or its check that no live child is left) has already run and cannot reach the
 * row, which would stay live under a deleted parent; after a hard delete the foreign key would have
 * refused it. Rows linked already deleted, or deleted with their parent in the same transaction, are
 * not refused.
 * <p>
 * It is thrown by the flush that wrote the row, where a foreign key violation would surface (for a
 * {@code StatelessSession}, or rows no flush checked, by the commit; outside a transaction, by the
 * write itself, before it is sent). As after any failed flush, the
 * transaction must be rolled back; a commit rolls it back, so nothing of it is written. The check takes
 * a shared lock on each parent, so that a delete of the parent racing the link either waits for this
 * transaction (and its cascade then marks the row) or is seen by the check. It extends
 * {@link HibernateException}, which is a {@link jakarta.persistence.PersistenceException}; with JPA
 * bootstrap (a persistence unit, Spring Boot), {@code commit()} reports it as the cause of its
 * {@code RollbackException}.
 *
 * <pre>{@code
 * try {
 *     post.getComments().add(comment); // post was deleted by another transaction since it was loaded
 *     tx.commit();
 * }
 * catch (RollbackException e) {
 *     if (e.getCause() instanceof DeletedParentException deleted) {
 *         log.info("{} was deleted; {} not added", deleted.parent(), deleted.child());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class DeletedParentException extends HibernateException {

    private static final long serialVersionUID = 1L;

    private final String child;
    private final String parent;
    private final String association;

    /**
     * Creates the exception; the message is derived from the arguments.
     *
     * @param child       the inserted or moved row, e.g. {@code "Comment#17"}
     * @param parent      its soft-deleted parent, e.g. {@code "Post#1"}
     * @param association the association whose cascade (or denial) the row would escape, e.g. {@code "Post.comments"}
     */
    public DeletedParentException(String child, String parent, String association) {
        super("softdelete: cannot link " + child + " under " + parent + ", which is soft-deleted: its delete has"
                + " already run and cannot reach " + child + " through " + association + ", so " + child
                + " would stay live under a deleted row; restore " + parent + " first, or attach " + child
                + " to a live row, in a new transaction");
        this.child = child;
        this.parent = parent;
        this.association = association;
    }

    /**
     * The inserted or moved row, as entity name and id.
     *
     * @return e.g. {@code "Comment#17"}
     */
    public String child() {
        return child;
    }

    /**
     * The soft-deleted parent, as entity name and id.
     *
     * @return e.g. {@code "Post#1"}
     */
    public String parent() {
        return parent;
    }

    /**
     * The association from the parent to the row, as owner and attribute.
     *
     * @return e.g. {@code "Post.comments"}
     */
    public String association() {
        return association;
    }
}
