package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.Timeouts;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The locked reads a restore makes before it writes, in the order a cascade delete takes its locks:
 * the row's parents first (shared), then the row itself (exclusive). A cascade delete of a parent
 * and a restore of its child therefore wait for each other instead of both passing on stale reads
 * (a restore that finds the parent live while its delete is uncommitted, a cascade that skips the
 * child while its restore is uncommitted), and, locking in one order, they do not deadlock.
 */
final class RestoreLocks {

    /** A parent that a restore found deleted, the association through which it cascades, and its child. */
    record DeletedParent(CascadeStep step, Object id, Object child) {
    }

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final String readLock;
    private final String writeLock;

    RestoreLocks(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        Dialect dialect = session.getJdbcServices().getDialect();
        this.readLock = dialect.getReadLockString(Timeouts.WAIT_FOREVER);
        this.writeLock = dialect.getForUpdateString();
    }

    /**
     * Locks (shared) every parent of the rows whose REMOVE cascade reaches them, in id order, and
     * returns the deleted ones. The parents' ids are read first without a lock: a locking read that also
     * touched the rows' own table would lock a child before its parent (MariaDB locks every row a
     * locking statement reads, subqueries included).
     *
     * @param ids at most {@link IdChunks#SIZE} ids of the type
     */
    List<DeletedParent> lockParents(EntityPersister persister, List<Object> ids) {
        List<DeletedParent> deleted = new ArrayList<>();
        for (CascadeStep step : service.cascadePlans().parentStepsOf(persister)) {
            // inside the loop: only a single-column id has parents (steps need single-column keys)
            JdbcMapping childIdType = persister.getIdentifierMapping().getSingleJdbcMapping();
            EntityPersister parent = step.owner();
            JdbcMapping parentIdType = parent.getIdentifierMapping().getSingleJdbcMapping();
            Map<Object, List<Object>> childrenOf = new HashMap<>();
            for (Object[] link : Mutations.selectRows(session, "select " + step.parentColumn() + ", "
                    + step.childColumn() + " from " + step.linkTable() + " where " + step.childColumn() + " in ("
                    + IdChunks.placeholders(ids) + ") and " + step.parentColumn() + " is not null",
                    IdChunks.binds(ids, persister.getIdentifierMapping(), session), parentIdType, childIdType)) {
                childrenOf.computeIfAbsent(link[0], key -> new ArrayList<>()).add(link[1]);
            }
            MarkerColumns markers = MarkerColumns.of(parent, service.typeOf(parent.getEntityName()));
            String idColumn = MarkerColumns.idColumn(parent);
            for (List<Object> parentIds : IdChunks.of(new ArrayList<>(childrenOf.keySet()))) {
                String sql = "select " + idColumn + ", " + markers.marker().getSelectionExpression() + " from "
                        + markers.table() + " where " + idColumn + " in (" + IdChunks.placeholders(parentIds)
                        + ") order by " + idColumn + readLock;
                for (Object[] row : Mutations.selectRows(session, sql,
                        IdChunks.binds(parentIds, parent.getIdentifierMapping(), session), parentIdType,
                        markers.marker().getJdbcMapping())) {
                    if (row[1] != null) {
                        childrenOf.get(row[0]).forEach(child -> deleted.add(new DeletedParent(step, row[0], child)));
                    }
                }
            }
        }
        return deleted;
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
