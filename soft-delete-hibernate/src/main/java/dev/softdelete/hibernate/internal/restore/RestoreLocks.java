package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;

/**
 * The locked reads a restore makes before it writes, in the order a cascade delete takes its locks:
 * the row's parents first (shared), then the row itself (exclusive). A cascade delete of a parent
 * and a restore of its child therefore wait for each other instead of both passing on stale reads
 * (a restore that finds the parent live while its delete is uncommitted, a cascade that skips the
 * child while its restore is uncommitted), and, locking in one order, they do not deadlock.
 */
final class RestoreLocks {

    private final SharedSessionContractImplementor session;
    private final ParentLocks parents;
    private final String writeLock;

    RestoreLocks(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.parents = new ParentLocks(session, service);
        this.writeLock = session.getJdbcServices().getDialect().getForUpdateString();
    }

    /** Locks (shared) every parent of the rows, and returns the deleted ones ({@link ParentLocks}). */
    List<DeletedParent> lockParents(EntityPersister persister, List<Object> ids) {
        return parents.lockParents(persister, ids);
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
