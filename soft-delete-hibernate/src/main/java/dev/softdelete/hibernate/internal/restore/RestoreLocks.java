package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
     * Locks (exclusive), before anything else, every row that the delete of a ring marked
     * ({@code RestoreImpact.ringDeletion}; nothing when null), table by table in name order over the
     * tables its cascades reach, each in id order. Every restore of a row of the ring takes the same
     * locks in the same order, so the second waits at the first of them holding nothing, instead of
     * each holding a parent the other's cascade must write (a deadlock). The rows of the delete that
     * the restore leaves deleted are locked too.
     */
    void lockRing(EntityPersister type, DeletionKey ring) {
        if (ring == null) {
            return;
        }
        Map<String, EntityPersister> byTable = new TreeMap<>();
        for (EntityPersister reached : service.cascadePlans().cascadeTypes(type)) {
            byTable.putIfAbsent(columns(reached).table(), reached);
        }
        byTable.forEach((table, reached) -> {
            String id = MarkerColumns.idColumn(reached);
            MarkerColumns columns = columns(reached);
            JdbcMapping idType = reached.getIdentifierMapping().getSingleJdbcMapping();
            // read first, then locked by key: a locking read through the operation's index would also lock
            // its gaps on MariaDB, where the first restore's UPDATE of that column then waits for the second
            List<Object> ids = Mutations.selectColumn(session, "select " + id + " from " + table + " where "
                    + ring.condition(columns) + " order by " + id, ring.bind(new Binds(), columns, session), idType);
            for (List<Object> chunk : IdChunks.of(ids)) {
                Mutations.selectColumn(session, "select " + id + " from " + table + " where " + id + " in ("
                        + IdChunks.placeholders(chunk) + ") order by " + id + writeLock,
                        IdChunks.binds(chunk, reached.getIdentifierMapping(), session), idType);
            }
        });
    }

    private MarkerColumns columns(EntityPersister type) {
        return MarkerColumns.of(type, service.typeOf(type.getEntityName()));
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
