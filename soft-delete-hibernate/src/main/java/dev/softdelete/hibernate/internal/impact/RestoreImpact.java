package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.cascade.OtherParents;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.DetachStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a restore would bring back, read without writing or locking: the row, if deleted, and the rows
 * its delete operation marked through the REMOVE cascades, found level by level with the restore's
 * own conditions (the children of the level above that carry the operation).
 */
public final class RestoreImpact {

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;

    public RestoreImpact(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    /** The preview of a restore of one row: nothing when the row is live or absent. */
    public Impact preview(EntityPersister root, Object id) {
        DeletionKey deletion = deletionOf(root, id);
        if (deletion == null) {
            return new Impact(Impact.Operation.RESTORE, List.of(), List.of(), List.of());
        }
        Binds idBinds = new Binds().add(root.getIdentifierMapping(), id, session);
        ReachedRows reached = new ReachedRows();
        String rootIds = rootIds(root);
        reached.add(root, rootIds, idBinds, 1);
        Map<DetachStep, OwnerLevels> reattaching = new LinkedHashMap<>();
        collect(reattaching, root, rootIds, idBinds, true);
        walk(root, idBinds, deletion, reached, deletion, (step, restoredIds, binds, below, belowBinds) -> {
            collect(reattaching, step.child(), below, belowBinds, false);
            return true;
        });
        // the rows each DETACH association links again: still unlinked, and detached from a restored row
        List<Impact.Rows> reattached = OwnerLevels.detachedRows(session, reattaching,
                step -> step.keyColumn() + " is null and " + step.savedColumn() + " in (%s)");
        return new Impact(Impact.Operation.RESTORE, reached.rows(session), reattached, List.of());
    }

    /**
     * Which of {@code parents}, deleted rows whose REMOVE cascade reaches the row, a restore of the row
     * brings back through its own cascade, as on a ring of rows that lead back to each other. Read
     * without writing or locking, and stricter than the restore: a row below the root with another
     * deleted parent counts as kept deleted unless that parent is the root or a row of an earlier
     * level, where the restore would hold it back until the end and bring it back if that parent came
     * back by then. Such a case is refused rather than risk a row left live under a deleted parent.
     */
    public Set<DeletedParent> broughtBack(EntityPersister root, Object id, DeletionKey deletion,
            List<DeletedParent> parents) {
        Set<DeletedParent> found = new HashSet<>();
        List<DeletedParent> others = new ArrayList<>();
        for (DeletedParent parent : parents) {
            // the row as its own parent comes back with itself
            (isRow(root, id, parent) ? found : others).add(parent);
        }
        // a parent another operation marked stays deleted whatever this restore does: no walk for it
        List<DeletedParent> pending = markedBy(others, deletion);
        if (pending.isEmpty()) {
            return found;
        }
        found.addAll(walkTo(pending, root, id, deletion, new ReachedRows()));
        return found;
    }

    /**
     * The delete that marked the ring the row lies on, read without locks; null unless the row is
     * deleted, with an operation id, and a deleted parent of it that the same delete marked comes back
     * through the row's own cascade ({@link #broughtBack}'s walk). A restore then locks every row of
     * that delete first ({@code RestoreLocks.lockRing}): the same rows, in the same order, from
     * whichever row of the ring it starts.
     */
    public DeletionKey ringDeletion(EntityPersister root, Object id) {
        DeletionKey deletion = deletionOf(root, id);
        if (deletion == null || deletion.operation() == null) {
            return null;
        }
        List<DeletedParent> pending = new ArrayList<>();
        for (DeletedParent parent : new ParentLocks(session, service).readParents(root, List.of(id), deletion)) {
            if (parent.byUndone() && !isRow(root, id, parent)) {
                pending.add(parent);
            }
        }
        return pending.isEmpty() || walkTo(pending, root, id, deletion, new ReachedRows()).isEmpty() ? null : deletion;
    }

    /**
     * Walks the restore's cascade from the row until it has met every one of {@code pending}
     * (removed from it as they are met), recording the levels in {@code reached}; returns those met.
     */
    private Set<DeletedParent> walkTo(List<DeletedParent> pending, EntityPersister root, Object id,
            DeletionKey deletion, ReachedRows reached) {
        Set<DeletedParent> found = new HashSet<>();
        Binds idBinds = new Binds().add(root.getIdentifierMapping(), id, session);
        reached.add(root, rootIds(root), idBinds, 1);
        walk(root, idBinds, deletion, reached, new ReachedEarlier(reached), (step, restoredIds, binds, below, belowBinds) -> {
            for (Iterator<DeletedParent> parent = pending.iterator(); parent.hasNext(); ) {
                DeletedParent candidate = parent.next();
                EntityPersister owner = candidate.step().owner();
                if (owner.getRootEntityDescriptor() == step.child().getRootEntityDescriptor()
                        && Counts.of(session, "select count(*) from (" + restoredIds + ") sd_back where sd_back.sd_id = ?",
                        new Binds().addAll(binds).add(owner.getIdentifierMapping(), candidate.id(), session)) > 0) {
                    found.add(candidate);
                    parent.remove();
                }
            }
            return !pending.isEmpty();
        });
        return found;
    }

    /** What the delete of the row wrote (its instant and operation), read without a lock; null when live or absent. */
    public DeletionKey deletionOf(EntityPersister root, Object id) {
        MarkerColumns columns = markerColumns(root);
        List<Object[]> marker = Mutations.selectRows(session, "select " + columns.marker().getSelectionExpression()
                + ", " + columns.operation() + " from " + columns.table() + " where " + MarkerColumns.idRestriction(root),
                new Binds().add(root.getIdentifierMapping(), id, session), columns.marker().getJdbcMapping(),
                columns.operationType());
        return marker.isEmpty() || marker.get(0)[0] == null ? null
                : new DeletionKey(MarkerColumns.toInstant(marker.get(0)[0]), (Long) marker.get(0)[1]);
    }

    private static boolean isRow(EntityPersister root, Object id, DeletedParent parent) {
        EntityPersister owner = parent.step().owner();
        return owner.getRootEntityDescriptor() == root.getRootEntityDescriptor()
                && Objects.equals(parent.id(), id);
    }

    /** The parents that the delete of {@code deletion} marked, read a chunk of ids per type. */
    private List<DeletedParent> markedBy(List<DeletedParent> parents, DeletionKey deletion) {
        Map<EntityPersister, List<DeletedParent>> byOwner = new LinkedHashMap<>();
        parents.forEach(parent -> byOwner.computeIfAbsent(parent.step().owner(), owner -> new ArrayList<>()).add(parent));
        List<DeletedParent> marked = new ArrayList<>();
        ParentLocks locks = new ParentLocks(session, service);
        byOwner.forEach((owner, ofOwner) -> {
            Set<Object> byDeletion = locks.deletedAmong(owner, ofOwner.stream().map(DeletedParent::id).toList(), false,
                    deletion).byUndone();
            ofOwner.stream().filter(parent -> byDeletion.contains(parent.id())).forEach(marked::add);
        });
        return marked;
    }

    /** SQL selecting the id of the row {@code root}'s id restriction names, as column {@code sd_id}. */
    private String rootIds(EntityPersister root) {
        return "select " + MarkerColumns.idColumn(root) + " as sd_id from " + markerColumns(root).table() + " where "
                + MarkerColumns.idRestriction(root);
    }

    private MarkerColumns markerColumns(EntityPersister type) {
        return MarkerColumns.of(type, service.typeOf(type.getEntityName()));
    }

    /**
     * The parents that do not keep a row deleted in {@link #broughtBack}'s walk: the rows it has reached
     * before the level, which the restore brings back before it comes to the level.
     */
    private final class ReachedEarlier implements DeletedBy {

        private final ReachedRows reached;

        ReachedEarlier(ReachedRows reached) {
            this.reached = reached;
        }

        @Override
        public String condition(MarkerColumns columns) {
            // unqualified, the id column names the parent's table, as the operations' condition does
            return reachedIn(columns).map(earlier -> MarkerColumns.idColumn(earlier.type())
                    + " in (select sd_earlier.sd_id from (" + earlier.rows().ids() + ") sd_earlier)").orElse("1 = 0");
        }

        @Override
        public Binds bind(Binds binds, MarkerColumns columns, SharedSessionContractImplementor session) {
            reachedIn(columns).ifPresent(earlier -> binds.addAll(earlier.rows().binds()));
            return binds;
        }

        @Override
        public Predicate<Object> markerOfManaged(MarkerColumns columns) {
            return marker -> false;
        }

        private Optional<ReachedRows.InTable> reachedIn(MarkerColumns columns) {
            return reached.reachedIn(columns.table(), type -> markerColumns(type).table());
        }
    }

    /** What the walk does with a level it brings back; returns whether to go on at all. */
    @FunctionalInterface
    private interface LevelVisitor {
        boolean visit(CascadeStep step, String restoredIds, Binds binds, String below, Binds belowBinds);
    }

    /**
     * The restore's walk from a deleted row: each level is the rows below the level above that the
     * delete marked, as the restore finds them, and the next level hangs below all of this level's
     * rows but those kept deleted under another deleted parent. It ends where a level brings back no
     * row that an earlier level did not (a cycle of rows).
     */
    private void walk(EntityPersister root, Binds idBinds, DeletionKey deletion, ReachedRows reached,
            DeletedBy trusted, LevelVisitor visitor) {
        OtherParents otherParents = new OtherParents(session, service, null);
        boolean[] stopped = {false};
        LevelWalk.walk(session, service, Level.root(root, idBinds), (step, parents) -> {
            if (stopped[0]) {
                return null;
            }
            MarkerColumns child = step.childColumns();
            String ofParents = " where " + step.childrenOf(parents.ids());
            String restored = ofParents + " and " + deletion.condition(child);
            Binds binds = deletion.bind(new Binds().addAll(parents.binds()), child, session);
            // the rows under another deleted parent, which the restore keeps deleted, and what is below them;
            // a parent the same delete marked counts as coming back (the restore holds its rows back, then
            // brings them back with it when the walk reaches it, as it does but for a bulk delete's other roots)
            OtherParents.Exclusion kept = otherParents.exclusion(step, restored.substring(" where ".length()), binds,
                    trusted, null);
            // as the restore does: the next level hangs below every child of this one, restored or not (but
            // for the rows kept deleted), and so do the rows its DETACH associations link again
            String notKept = "";
            Binds leading = new Binds();
            if (kept != null) {
                notKept = "(" + child.marker().getSelectionExpression() + " is null or (" + deletion.condition(child)
                        + kept.sql() + ")) and ";
                leading = deletion.bind(new Binds(), child, session).addAll(kept.binds());
                restored += kept.sql();
                binds = new Binds().addAll(binds).addAll(kept.binds());
            }
            String below = "select " + step.childId() + " as sd_id from " + child.table() + " where " + notKept
                    + step.childrenOf(parents.ids());
            long count = Counts.of(session, "select count(*) from " + child.table() + restored, binds);
            String restoredIds = "select " + step.childId() + " as sd_id from " + child.table() + restored;
            if (count == 0 || !reached.reachesNew(session, step.child(), restoredIds, binds)) {
                return null;
            }
            reached.add(step.child(), restoredIds, binds, count);
            stopped[0] = !visitor.visit(step, restoredIds, binds, below, new Binds().addAll(leading).addAll(parents.binds()));
            return stopped[0] ? null : new Next(below, leading);
        });
    }

    private void collect(Map<DetachStep, OwnerLevels> reattaching, EntityPersister type, String ids, Binds binds,
            boolean rootRow) {
        for (DetachStep step : service.cascadePlans().detachStepsOf(type, rootRow)) {
            reattaching.computeIfAbsent(step, s -> new OwnerLevels()).add(ids, binds);
        }
    }
}
