package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.cascade.VersionBump;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.impact.RestoreImpact;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Restores one row, and what the same delete cascaded to: the children that carry the row's delete
 * operation id (or, for rows marked without one, its instant). Runs inside an unfiltered scope opened
 * by the caller. A row whose parent (a row whose REMOVE cascade reaches it) is still deleted is
 * refused, or its parents are restored first on request, from the top of each chain down
 * ({@link DeletedAncestors}). The session is flushed once first; the parents and the row are locked
 * before anything is written ({@link RestoreLocks}); the row itself is restored with an UPDATE that
 * moves its version on, followed by the cache cleanup Hibernate does after a bulk statement; the
 * managed instance, if any, is refreshed.
 */
public final class Restorer {

    private static final int MAX_PARENT_DEPTH = 64;

    private final SessionImplementor session;
    private final SoftDeleteService service;
    private final boolean withParents;
    private final RestoreLocks locks;
    // where RootsRestore learns which operations the rows restored here carried (null: nobody asks)
    private final Set<Long> restoredOperations;

    public Restorer(SessionImplementor session, SoftDeleteService service, RestoreOption... options) {
        this(session, service, null, options);
    }

    /** @param restoredOperations receives the operation id of every row this restorer brings back, if not null */
    Restorer(SessionImplementor session, SoftDeleteService service, Set<Long> restoredOperations,
            RestoreOption... options) {
        this.session = session;
        this.service = service;
        this.locks = new RestoreLocks(session, service);
        this.restoredOperations = restoredOperations;
        this.withParents = List.of(options).contains(RestoreOption.WITH_PARENTS);
    }

    public boolean restore(EntityPersister persister, Object id) {
        // once, so the JDBC reads below see what the session has pending; later writes are our own SQL
        session.flush();
        if (!withParents) {
            return restore(persister, id, 0, false);
        }
        // the deleted parents first, each chain from its top down, as restores of their own: two restores of
        // rows of one chain then lock its top first, where locking the row's parent shared before restoring
        // it let each hold a lock that the other had to wait for (DeletedAncestors)
        boolean onCycle = service.cascadePlans().onCycle(persister);
        if (onCycle) {
            // the row's ring before its parents, as every restore of a row of the ring takes it first
            locks.lockRing(persister, new RestoreImpact(session, service).ringDeletion(persister, id));
        }
        boolean parentRestored = false;
        DeletedAncestors ancestors = new DeletedAncestors(session, service, MAX_PARENT_DEPTH);
        for (DeletedAncestors.Row parent : ancestors.topDown(persister, id)) {
            parentRestored |= restore(parent.type(), parent.id(), parent.level(), false);
        }
        if (restore(persister, id, 0, onCycle)) {
            return true;
        }
        // deleted when the call began (or no parent would have been listed), and live now, not purged: a
        // parent's cascade brought it back (a row with parents has a single-column id, which liveAmong reads)
        return parentRestored && !new ParentLocks(session, service).liveAmong(persister, List.of(id)).isEmpty();
    }

    /** @param ringLocked whether the caller has taken the row's ring locks already */
    private boolean restore(EntityPersister persister, Object id, int depth, boolean ringLocked) {
        SoftDeletableType type = service.typeOf(persister.getEntityName());
        MarkerColumns columns = MarkerColumns.of(persister, type);
        if (!ringLocked && service.cascadePlans().onCycle(persister)) {
            // a row of a ring must not lock its parent before the ring's first row (RestoreLocks.lockRing)
            locks.lockRing(persister, new RestoreImpact(session, service).ringDeletion(persister, id));
        }
        List<DeletedParent> deletedParents = locks.lockParents(persister, List.of(id));
        Object[] marker = locks.lockMarker(persister, columns, id);
        if (marker == null) {
            return false; // live (perhaps restored meanwhile by another session), or gone
        }
        if (!deletedParents.isEmpty()) {
            deletedParents = notBroughtBack(persister, id, marker, deletedParents);
        }
        if (restoreDeletedParents(persister, id, deletedParents, depth)) {
            // a parent restored just now may have brought this row back with its own cascade
            marker = locks.lockMarker(persister, columns, id);
        }
        boolean restored = marker == null;
        if (marker != null) {
            // before any change: a unique key taken by a live row refuses the whole restore
            DeletionKey deletion = new DeletionKey(MarkerColumns.toInstant(marker[0]), (Long) marker[1]);
            RestoreConflicts.check(session, service, persister, id, deletion);
            int rows = restoreRow(persister, type, id, marker[0]);
            if (rows > 0) {
                if (restoredOperations != null && deletion.operation() != null) {
                    restoredOperations.add(deletion.operation());
                }
                OperationHistory history = historyOf(persister, id, deletion);
                new CascadeRunner(session, service).recordingInto(history).restore(persister, id, deletion);
                if (history != null) {
                    HistoryLog.record(session, service, history.entries());
                }
                restored = true;
            }
        }
        Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (restored && managed != null) {
            session.refresh(managed);
        }
        return restored;
    }

    /**
     * The history of restoring the row, under the id of the delete it undoes (a row marked without an
     * operation id gets one of its own), with the restoring actor; null when no history is kept.
     */
    private OperationHistory historyOf(EntityPersister persister, Object id, DeletionKey deletion) {
        if (!service.history().enabled()) {
            return null;
        }
        long operation = deletion.operation() != null ? deletion.operation() : ThreadLocalRandom.current().nextLong();
        return new OperationHistory(operation, service.now(), service.currentActor(), null)
                .root(HistoryEntry.Kind.RESTORE, persister, id, 1);
    }

    /**
     * The deleted parents that the row's restore does not bring back itself. On rows that lead back to
     * each other (a ring whose every row cascades to the next), the parent of the row was marked by
     * the same delete and lies on the row's own cascade: it comes back with the row, so it neither
     * refuses the restore nor is restored first (which would go round the ring). Costs a walk only
     * when the row has a deleted parent.
     */
    private List<DeletedParent> notBroughtBack(EntityPersister persister, Object id, Object[] marker,
            List<DeletedParent> deletedParents) {
        DeletionKey deletion = new DeletionKey(MarkerColumns.toInstant(marker[0]), (Long) marker[1]);
        Set<DeletedParent> comingBack = new RestoreImpact(session, service).broughtBack(persister, id, deletion,
                deletedParents);
        return deletedParents.stream().filter(parent -> !comingBack.contains(parent)).toList();
    }

    /** Refuses, or restores first, the deleted parents of the row; true if it restored one. */
    private boolean restoreDeletedParents(EntityPersister persister, Object id, List<DeletedParent> deletedParents,
            int depth) {
        boolean restoredAny = false;
        for (DeletedParent deleted : deletedParents) {
            CascadeStep step = deleted.step();
            if (!withParents) {
                throw parentStillDeleted(persister, id, deleted);
            }
            if (depth >= MAX_PARENT_DEPTH) {
                throw new IllegalStateException("softdelete: the parents of " + persister.getEntityName() + "#" + id
                        + " are more than " + MAX_PARENT_DEPTH + " levels deep; check for a cycle");
            }
            restoredAny |= restore(step.owner(), deleted.id(), depth + 1, false);
        }
        return restoredAny;
    }

    /** The refusal of a row whose parent is deleted, when the caller did not ask for its parents. */
    static IllegalStateException parentStillDeleted(EntityPersister persister, Object id, DeletedParent deleted) {
        CascadeStep step = deleted.step();
        return new IllegalStateException("softdelete: cannot restore " + persister.getEntityName() + "#" + id
                + ": its parent " + step.owner().getEntityName() + "#" + deleted.id() + " (through "
                + step.attribute() + ") is still deleted; restore the parent first, or pass"
                + " RestoreOption.WITH_PARENTS. Nothing was changed.");
    }

    /**
     * Clears the row's marker, actor and reason, if it still carries the marker read before, moving
     * its version on. Plain SQL rather than an HQL update: inside the caller's unfiltered scope
     * Hibernate would translate HQL anew on every call; the cache cleanup an HQL update would have
     * scheduled is scheduled here.
     */
    private int restoreRow(EntityPersister persister, SoftDeletableType type, Object id, Object marker) {
        MarkerColumns columns = MarkerColumns.of(persister, type);
        String markerColumn = columns.marker().getSelectionExpression();
        StringBuilder sql = new StringBuilder("update ").append(columns.table()).append(" set ").append(columns.cleared());
        Binds binds = new Binds();
        VersionBump.of(persister, session).appendTo(sql, binds, session);
        sql.append(" where ").append(MarkerColumns.idRestriction(persister)).append(" and ").append(markerColumn)
                .append(" = ?");
        binds.add(persister.getIdentifierMapping(), id, session).add(columns.marker(), marker, session);
        int rows = Mutations.executeUpdate(session, sql.toString(), binds);
        if (rows > 0) {
            CacheCleanup.afterWriting(session, persister);
        }
        return rows;
    }

    public static void clearInMemory(EntityPersister persister, SoftDeletableType type, Object entity) {
        for (String attribute : new String[] {type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute()}) {
            if (attribute != null) {
                persister.findAttributeMapping(attribute).setValue(entity, null);
            }
        }
    }
}
