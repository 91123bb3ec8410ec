package dev.softdelete.hibernate;

import org.hibernate.HibernateException;

import java.util.List;

/**
 * Thrown by {@link SoftDeleteSession#restore(Object, RestoreOption...)} and
 * {@link SoftDeleteSession#restore(Class, Object, RestoreOption...)}
 * when the restore would give two live rows the same unique key: the deleted row (or a child that the
 * same delete cascaded to) shares the key values of a row that is live now. The check runs before any
 * row changes, so nothing is restored; the transaction is left as it was and may go on.
 * <p>
 * It extends {@link HibernateException}, which is a {@link jakarta.persistence.PersistenceException}:
 * JPA code can catch the standard type, Hibernate code the Hibernate one, as with Hibernate's own
 * constraint and locking exceptions.
 *
 * <pre>{@code
 * try {
 *     session.restore(Customer.class, oldId);
 * }
 * catch (RestoreConflictException e) {
 *     log.info("{} is taken by {}", e.getColumns(), e.getLiveId());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class RestoreConflictException extends HibernateException {

    private static final long serialVersionUID = 1L;

    private final String entityName;
    private final String constraintName;
    private final List<String> columns;
    private final Object restoredId;
    private final Object liveId;

    /**
     * Creates the exception with the facts of the conflict; the message is derived from them.
     *
     * @param entityName     the entity whose row would have been restored
     * @param constraintName the unique constraint the two rows would share
     * @param columns        the columns of that constraint
     * @param restoredId     the id of the deleted row that was to be restored
     * @param liveId         the id of the live row that holds the key
     * @since 0.1.0
     */
    public RestoreConflictException(String entityName, String constraintName, List<String> columns,
            Object restoredId, Object liveId) {
        super("softdelete: cannot restore " + entityName + "#" + restoredId + ": unique constraint "
                + constraintName + " " + columns + " is held by the live row " + entityName + "#" + liveId
                + "; delete or change that row first. Nothing was restored");
        this.entityName = entityName;
        this.constraintName = constraintName;
        this.columns = List.copyOf(columns);
        this.restoredId = restoredId;
        this.liveId = liveId;
    }

    /**
     * The entity whose deleted row conflicts: the restored entity, or a child the restore would bring back.
     *
     * @return the entity name
     * @since 0.1.0
     */
    public String getEntityName() {
        return entityName;
    }

    /**
     * The unique constraint (or index) that the restored row and the live row would share.
     *
     * @return the constraint name, as declared or as Hibernate named it
     * @since 0.1.0
     */
    public String getConstraintName() {
        return constraintName;
    }

    /**
     * The columns of the constraint.
     *
     * @return the column names, in the constraint's order
     * @since 0.1.0
     */
    public List<String> getColumns() {
        return columns;
    }

    /**
     * The id of the deleted row that the restore would have brought back.
     *
     * @return the id of the conflicting deleted row
     * @since 0.1.0
     */
    public Object getRestoredId() {
        return restoredId;
    }

    /**
     * The id of the live row that holds the key now.
     *
     * @return the live row's id
     * @since 0.1.0
     */
    public Object getLiveId() {
        return liveId;
    }
}
