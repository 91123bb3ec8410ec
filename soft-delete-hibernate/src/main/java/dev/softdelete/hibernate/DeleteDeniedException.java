package dev.softdelete.hibernate;

import org.hibernate.HibernateException;

/**
 * Thrown by the flush (or commit) that would soft-delete a row while an {@code @OnSoftDelete(DENY)}
 * association still leads to live rows: on the row itself, or on a row the delete's cascade reaches.
 * It is checked before the delete writes anything, so nothing of that delete is written. The transaction is
 * marked for rollback, as for any failed flush: a bulk delete's own UPDATE, which ran before the check
 * (at the next flush), goes with it.
 * <p>
 * It extends {@link HibernateException}, which is a {@link jakarta.persistence.PersistenceException}.
 * A JPA {@code commit()} reports it as the cause of its {@code RollbackException}.
 *
 * <pre>{@code
 * try {
 *     session.remove(customer);
 *     session.flush();
 * }
 * catch (DeleteDeniedException e) {
 *     log.info("{} of {} still live", e.refusal().liveRows(), e.refusal().attribute());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class DeleteDeniedException extends HibernateException {

    private static final long serialVersionUID = 1L;

    private final String deleted;
    private final transient Impact.Refusal refusal;

    /**
     * Creates the exception; the message is derived from the arguments.
     *
     * @param deleted what was being deleted, e.g. {@code "Customer#7"} or {@code "a bulk delete of Customer"}
     * @param refusal the association that refuses it
     */
    public DeleteDeniedException(String deleted, Impact.Refusal refusal) {
        super("softdelete: cannot delete " + deleted + ": " + refusal.describe() + ", and "
                + refusal.owner() + "." + refusal.attribute() + " is @OnSoftDelete(DENY); delete or detach those rows"
                + " first. Nothing of this delete was written");
        this.deleted = deleted;
        this.refusal = refusal;
    }

    /**
     * What was being deleted: an entity and id, or a bulk delete of an entity.
     *
     * @return the description
     */
    public String deleted() {
        return deleted;
    }

    /**
     * The association that refused the delete, with the number of live rows it leads to.
     *
     * @return the refusal
     */
    public Impact.Refusal refusal() {
        return refusal;
    }
}
