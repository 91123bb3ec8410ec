package dev.softdelete.hibernate;

import dev.softdelete.hibernate.internal.session.SoftDeleteSessionImpl;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.function.Supplier;

/**
 * A Hibernate {@link Session} with soft-delete operations: visibility scopes for admin and trash
 * views, a reason for deletes, restore, and the explicit hard delete.
 * <p>
 * Obtain one with {@link #wrap(Session)} or {@link #wrap(EntityManager)}; it is the same session,
 * so everything else works as on the wrapped one.
 *
 * <pre>{@code
 * SoftDeleteSession s = SoftDeleteSession.wrap(entityManager);
 * try (SoftDeleteScope why = s.deletingBecause("spam")) {
 *     s.remove(post);                                   // UPDATE post SET deleted_at = ?, reason = ?
 * }
 * List<Post> trash = s.onlyDeleted(() -> s.createQuery("from Post", Post.class).list());
 * s.restore(Post.class, post.getId());
 * }</pre>
 *
 * @since 0.1.0
 */
public interface SoftDeleteSession extends Session {

    /**
     * Wraps a Hibernate session. Wrapping a {@code SoftDeleteSession} returns it unchanged.
     *
     * @param session an open Hibernate session
     * @return the soft-delete view of that session
     * @throws IllegalArgumentException if the session is not Hibernate ORM's own implementation
     */
    static SoftDeleteSession wrap(Session session) {
        return SoftDeleteSessionImpl.wrap(session);
    }

    /**
     * Wraps the Hibernate session behind a Jakarta Persistence entity manager.
     *
     * @param entityManager an open entity manager backed by Hibernate ORM
     * @return the soft-delete view of its session
     * @throws IllegalArgumentException if the entity manager is not backed by Hibernate ORM
     */
    static SoftDeleteSession wrap(EntityManager entityManager) {
        return SoftDeleteSessionImpl.wrap(entityManager);
    }

    /**
     * Opens a scope in which every read path of this session sees deleted rows as well as live
     * ones.
     *
     * @return the scope; close it to go back
     */
    SoftDeleteScope unfiltered();

    /**
     * Opens a scope in which every read path of this session sees only deleted rows: the trash.
     *
     * @return the scope; close it to go back
     */
    SoftDeleteScope onlyDeleted();

    /**
     * Runs the work with deleted rows visible, as {@link #unfiltered()} does.
     *
     * @param work the work to run
     * @param <T>  its result type
     * @return what the work returned
     */
    <T> T unfiltered(Supplier<T> work);

    /**
     * Runs the work seeing only deleted rows, as {@link #onlyDeleted()} does.
     *
     * @param work the work to run
     * @param <T>  its result type
     * @return what the work returned
     */
    <T> T onlyDeleted(Supplier<T> work);

    /**
     * Opens a scope whose soft deletes record the given reason in the entity's
     * {@code @SoftDelete(reason)} attribute. The reason is taken when {@code remove()} is called,
     * so a flush after the scope has closed still records it.
     *
     * @param reason why the rows are deleted
     * @return the scope; close it to stop recording this reason
     */
    SoftDeleteScope deletingBecause(String reason);

    /**
     * Erases the entity's row with real SQL {@code DELETE}s, now: the only way for application code
     * to erase a soft-deletable row. What the entity's REMOVE cascades reach goes with it, whether
     * deleted together with it, earlier on its own, or still live (as Hibernate's own cascade of a
     * hard delete would), one statement per table and level, children before the rows they
     * reference; the join-table and element-collection rows that point to an erased row go too.
     * Pending changes of the session are flushed first; erased instances leave the persistence
     * context and second-level cache regions are evicted.
     * <p>
     * If a row outside the cascade (another entity's foreign key) still references a row the erase
     * would remove, nothing is deleted and an {@link IllegalStateException} names those rows.
     * On an entity that is not soft-deletable it is the same as {@link #remove(Object)} (by its id, for
     * a detached instance).
     *
     * @param entity the entity to erase, managed or detached (a deleted one may be loaded inside
     *               {@link #unfiltered()}, or use {@link #hardDelete(Class, Object)})
     * @return {@code true} if the row existed and is erased, {@code false} if there was no such row
     * @throws NullPointerException if {@code entity} is null (as a {@code find} of a soft-deleted row
     *                              returns); the message points to {@link #hardDelete(Class, Object)}
     * @throws IllegalStateException if rows outside the REMOVE cascade reference what would be erased
     * @throws jakarta.persistence.TransactionRequiredException if no transaction is active
     */
    boolean hardDelete(Object entity);

    /**
     * Erases the row with the given identifier, deleted or not, as {@link #hardDelete(Object)} does,
     * without loading it.
     *
     * @param entityClass the entity class
     * @param id          the identifier
     * @return {@code true} if the row existed and is erased, {@code false} if there was no such row
     * @throws IllegalStateException if rows outside the REMOVE cascade reference what would be erased
     * @throws jakarta.persistence.TransactionRequiredException if no transaction is active
     */
    boolean hardDelete(Class<?> entityClass, Object id);

    /**
     * Makes a deleted entity live again: clears its marker, actor and reason, and those of the rows
     * that the same delete cascaded to (the children that carry its delete operation id). Children
     * deleted by another operation, before or at the same instant, stay deleted. A managed instance is refreshed to show the
     * restored state.
     *
     * @param entity  the entity to restore, managed or detached
     * @param options {@link RestoreOption#WITH_PARENTS} to restore its deleted parents first
     * @return {@code true} if the row was deleted and is now restored, {@code false} if it was
     *         already live (nothing changes)
     * @throws IllegalArgumentException if the entity is not soft-deletable, or is a {@code Class}
     *                                  ({@code restore(Customer.class, null)} binds here)
     * @throws IllegalStateException    if a parent of the row is still deleted and
     *                                  {@link RestoreOption#WITH_PARENTS} was not given; nothing changes.
     *                                  A parent that this restore's own cascade brings back (rows that
     *                                  lead back to each other, deleted together) does not count
     */
    boolean restore(Object entity, RestoreOption... options);

    /**
     * Makes the deleted row with the given identifier live again, with what its delete cascaded to,
     * as {@link #restore(Object, RestoreOption...)} does.
     *
     * @param entityClass the entity class
     * @param id          the identifier, of the entity's id type or one {@code find} converts to it
     * @param options     {@link RestoreOption#WITH_PARENTS} to restore its deleted parents first
     * @return {@code true} if the row was deleted and is now restored, {@code false} if it was
     *         live or does not exist
     * @throws NullPointerException     if {@code entityClass} or {@code id} is null (a null id given
     *                                  with a class binds to {@link #restore(Object, RestoreOption...)},
     *                                  which throws {@code IllegalArgumentException} saying so)
     * @throws IllegalArgumentException if the class is not a soft-deletable entity, or the id cannot
     *                                  be converted to the entity's id type
     * @throws IllegalStateException    if a parent of the row is still deleted and
     *                                  {@link RestoreOption#WITH_PARENTS} was not given; nothing changes
     */
    boolean restore(Class<?> entityClass, Object id, RestoreOption... options);

    /**
     * Restores every row of the entity type deleted at or after the given instant, each with what its
     * delete cascaded to: "restore everything deleted since yesterday". The rows are restored together,
     * one statement per association and level for up to 500 rows of the type at a time, and each brings
     * back exactly what its own delete marked, as {@link #restore(Class, Object, RestoreOption...)} does.
     * <pre>{@code
     * int restored = session.restoreDeletedSince(Customer.class, clock.instant().minus(Duration.ofDays(1)));
     * }</pre>
     *
     * @param entityClass the entity class
     * @param since       the earliest deletion instant to restore
     * @param options     {@link RestoreOption#WITH_PARENTS} to restore deleted parents first
     * @return the number of rows of {@code entityClass} restored
     * @throws IllegalArgumentException if the class is not a soft-deletable entity
     * @throws IllegalStateException    if a parent of one of the rows is still deleted, is not itself
     *                                  one of the rows, and {@link RestoreOption#WITH_PARENTS} was not
     *                                  given; nothing changes
     * @throws RestoreConflictException if a row would take a unique key that a live row holds; no row of
     *                                  its group of 500 changes (groups before it stay restored)
     */
    int restoreDeletedSince(Class<?> entityClass, java.time.Instant since, RestoreOption... options);

    /**
     * Restores the rows of the entity type with the given ids, each with what its delete cascaded to:
     * "restore the selected items" of a trash page. The rows are restored together, one statement per
     * association and level for up to 500 rows at a time, and each brings back exactly what its own
     * delete marked, as {@link #restore(Class, Object, RestoreOption...)} does. Ids of live or missing
     * rows are passed over; an id given twice counts once. The rows are taken in id order, whatever the
     * order of the list, so concurrent calls over overlapping lists wait for each other rather than
     * deadlock.
     * <pre>{@code
     * int restored = session.restoreAll(Post.class, List.of(12L, 15L, 31L));
     * }</pre>
     *
     * @param entityClass the entity class
     * @param ids         the ids of the rows to restore, none null
     * @param options     {@link RestoreOption#WITH_PARENTS} to restore deleted parents first
     * @return the number of the given rows that were deleted and are restored
     * @throws IllegalArgumentException if the class is not a soft-deletable entity, or an id is null or
     *                                  cannot be converted to the entity's id type
     * @throws IllegalStateException    if a parent of one of the rows is still deleted, is not itself
     *                                  one of the rows, and {@link RestoreOption#WITH_PARENTS} was not
     *                                  given; nothing changes
     * @throws RestoreConflictException if a row would take a unique key that a live row holds; no row of
     *                                  its group of 500 changes (groups before it stay restored)
     * @since 0.1.0
     */
    int restoreAll(Class<?> entityClass, java.util.Collection<?> ids, RestoreOption... options);

    /**
     * What {@code remove(entity)} would do, computed without doing it: the row and the rows its
     * REMOVE cascades would soft-delete, per entity, and the {@code @OnSoftDelete(DENY)} associations
     * that would refuse the delete. One statement per association and level, whatever the number of
     * rows; nothing is written or locked. Pending changes of the session are flushed first when a
     * transaction is active, as before a query.
     * <pre>{@code
     * Impact impact = session.previewDelete(customer);
     * impact.rows(Order.class);        // orders that would go with the customer
     * impact.isRefused();              // true if a DENY association has live rows
     * }</pre>
     *
     * @param entity a soft-deletable entity, managed or detached
     * @return the impact; empty if the row is already deleted or does not exist
     * @throws IllegalArgumentException if the entity is not soft-deletable
     */
    Impact previewDelete(Object entity);

    /**
     * What {@code remove()} of the row with the given identifier would do, as
     * {@link #previewDelete(Object)}, without loading it.
     *
     * @param entityClass the entity class
     * @param id          the identifier
     * @return the impact; empty if the row is already deleted or does not exist
     * @throws IllegalArgumentException if the class is not a soft-deletable entity, or the id cannot be
     *                                  converted to its id type
     */
    Impact previewDelete(Class<?> entityClass, Object id);

    /**
     * What an HQL bulk delete would do, computed without doing it: the rows its restriction selects
     * (live ones, as the bulk delete marks), the rows their REMOVE cascades would soft-delete, per
     * entity, the rows {@code DETACH} associations would unlink, and the {@code DENY} associations that
     * would refuse it. The statement's own restriction selects the roots, with the same parameters; one
     * query per association and level, whatever the number of rows; nothing is written or locked.
     * <pre>{@code
     * Impact impact = session.previewBulkDelete("delete from Customer c where c.region = :region",
     *         Map.of("region", "north"));
     * }</pre>
     *
     * @param hqlDelete  the bulk delete, {@code delete from Entity e where ...}
     * @param parameters its named parameters
     * @return the impact; empty if no live row matches
     * @throws IllegalArgumentException if the statement is no bulk delete of a soft-deletable entity
     * @throws IllegalStateException    inside {@link #unfiltered()} or {@link #onlyDeleted()}, whose
     *                                  visibility the walk would take
     */
    Impact previewBulkDelete(String hqlDelete, java.util.Map<String, ?> parameters);

    /**
     * What {@link #restore(Object, RestoreOption...)} would bring back: the row and the rows its
     * delete cascaded to, per entity, read with the restore's own conditions; nothing is written or
     * locked. The deleted parents that would refuse the restore, and unique-key conflicts, are not
     * part of the preview.
     *
     * @param entity a soft-deletable entity, managed or detached (a deleted one loaded in
     *               {@link #unfiltered()}), or use {@link #previewRestore(Class, Object)}
     * @return the impact; empty if the row is live or does not exist
     * @throws IllegalArgumentException if the entity is not soft-deletable
     */
    Impact previewRestore(Object entity);

    /**
     * What a restore of the row with the given identifier would bring back, as
     * {@link #previewRestore(Object)}.
     *
     * @param entityClass the entity class
     * @param id          the identifier
     * @return the impact; empty if the row is live or does not exist
     * @throws IllegalArgumentException if the class is not a soft-deletable entity, or the id cannot be
     *                                  converted to its id type
     */
    Impact previewRestore(Class<?> entityClass, Object id);

    /**
     * The history of deletes, cascades, restores, hard deletes and purges, read from the history table
     * through this session's connection.
     *
     * @return the queries over the history
     * @throws IllegalStateException if {@link SoftDeleteSettings#HISTORY} is not {@code table}
     */
    SoftDeleteHistory history();
}
