package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.impact.RestoreImpact.RingRows;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;
import java.util.Set;

/**
 * The locked reads a restore makes before it writes, in the order a cascade delete takes its locks:
 * the row's parents first (shared), then the row itself (exclusive); before them, the rows of a ring
 * the row lies on ({@link #lockRing}). A cascade delete of a parent and a restore of its child
 * therefore wait for each other instead of both passing on stale reads (a restore that finds the
 * parent live while its delete is uncommitted, a cascade that skips the child while its restore is
 * uncommitted), and, locking in one order, they do not deadlock.
 */
final class RestoreLocks {

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final ParentLocks parents;
    private final String writeLock;

    RestoreLocks(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        this.parents = new ParentLocks(session, service);
        this.writeLock = session.getJdbcServices().getDialect().getForUpdateString();
    }

    /**
     * Locks (exclusive) the rows of a ring ({@code RestoreImpact.ringOf}) before anything else, in its
     * order: table by table, ids in the database's order, a chunk at a time. Every restore of a row of
     * the ring takes its first lock on the same row, so the second waits there holding nothing of the
     * ring, instead of each holding a parent the other's cascade must write (a deadlock).
     */
    void lockRing(List<RingRows> ring) {
        for (RingRows rows : ring) {
            MarkerColumns columns = MarkerColumns.of(rows.type(), service.typeOf(rows.type().getEntityName()));
            String id = MarkerColumns.idColumn(rows.type());
            for (List<Object> chunk : IdChunks.of(rows.ids())) {
                Mutations.selectColumn(session, "select " + id + " from " + columns.table() + " where " + id + " in ("
                        + IdChunks.placeholders(chunk) + ") order by " + id + writeLock,
                        IdChunks.binds(chunk, rows.type().getIdentifierMapping(), session),
                        rows.type().getIdentifierMapping().getSingleJdbcMapping());
            }
        }
    }

    /** Locks (shared) every parent of the rows, and returns the deleted ones ({@link ParentLocks}). */
    List<DeletedParent> lockParents(EntityPersister persister, List<Object> ids) {
        return parents.lockParents(persister, ids);
    }

    /**
     * As {@link #lockParents}, but for the parents among {@code restoring}, which the caller locks
     * exclusive itself ({@link ParentLocks#lockParentsBesides}).
     */
    List<DeletedParent> lockParentsBesides(EntityPersister persister, List<Object> ids, Set<Object> restoring) {
        return parents.lockParentsBesides(persister, ids, restoring);
    }

    /**
     * Locks the row (exclusive) and reads what its delete wrote: null when the row is live, or gone.
     * A second restore of the same row waits here for the first to end, then finds the row live.
     *
     * @return the row's marker value and operation id, or null
     */
    Object[] lockMarker(EntityPersister persister, MarkerColumns columns, Object id) {
        String sql = "select " + columns.marker().getSelectionExpression() + ", " + columns.operation() + " from "
                + columns.table() + " where " + MarkerColumns.idRestriction(persister) + writeLock;
        List<Object[]> rows = Mutations.selectRows(session, sql,
                new Binds().add(persister.getIdentifierMapping(), id, session), columns.marker().getJdbcMapping(),
                columns.operationType());
        return rows.isEmpty() || rows.get(0)[0] == null ? null : rows.get(0);
    }
}
