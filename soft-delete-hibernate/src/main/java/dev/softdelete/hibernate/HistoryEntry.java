package dev.softdelete.hibernate;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the history of deletes and restores: what an operation did to the rows of one entity.
 * An operation writes one entry for its root (the row removed or restored, the rows a bulk delete or a
 * purge batch took) and one per entity its cascade reached, with the count; all carry the operation
 * id, which links a root to its cascade, and a restore to the delete it undoes.
 *
 * <pre>{@code
 * session.history().ofRow(Customer.class, 7);
 * // DELETE   Customer#7      1 row   2026-12-04T10:00Z  alice  "spam"   operation 88123
 * // CASCADE  Order          12 rows  2026-12-04T10:00Z  alice  "spam"   operation 88123
 * // RESTORE  Customer#7      1 row   2026-12-05T08:30Z  bob             operation 88123
 * }</pre>
 *
 * @param entryId    the entry's own id, unique
 * @param operation  the operation id: of the delete (also on its restore), hard delete, or purge run
 * @param kind       what was done
 * @param entityName the entity, as in HQL
 * @param entityId   the id of the root row ({@code toString()} of the id), or null for an entry that
 *                   counts rows (a cascade, a bulk delete, a purge batch)
 * @param rows       the number of rows
 * @param at         when: the delete's marker instant, or the instant of the restore, erase or purge
 * @param actor      who, as the {@code ActorProvider} said at that moment; null if none
 * @param reason     the delete reason; null for other operations and deletes without one
 * @since 0.1.0
 */
public record HistoryEntry(long entryId, long operation, Kind kind, String entityName, String entityId, long rows,
        Instant at, String actor, String reason) {

    /** What an operation did to the rows an entry counts. */
    public enum Kind {
        /** Soft-deleted by {@code remove()}, a {@code StatelessSession} delete, or a bulk delete: the root. */
        DELETE,
        /** Soft-deleted by the cascade of a delete. */
        CASCADE,
        /** Made live again by {@code restore()}: the root. */
        RESTORE,
        /** Made live again with the restored root: what its delete had cascaded to. */
        RESTORE_CASCADE,
        /** Erased by {@code hardDelete()}, with what the erase reached. */
        HARD_DELETE,
        /** Hard-deleted (or anonymised) by the retention purge, one entry per batch. */
        PURGE
    }

    /**
     * Creates an entry; built by the library.
     *
     * @param entryId    the entry's id
     * @param operation  the operation id
     * @param kind       what was done
     * @param entityName the entity
     * @param entityId   the root row's id, or null
     * @param rows       the number of rows
     * @param at         when
     * @param actor      who, or null
     * @param reason     why, or null
     */
    public HistoryEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(at, "at");
    }
}
