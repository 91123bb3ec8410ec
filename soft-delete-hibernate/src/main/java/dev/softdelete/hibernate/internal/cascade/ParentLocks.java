package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.Timeouts;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shared locks on the parents whose REMOVE cascade reaches given rows, taken in the order a cascade
 * delete takes its own: a parent before its children. A cascade delete of the parent, which marks the
 * parent before it reads its children, therefore waits for the lock holder's transaction, or the lock
 * holder waits for the delete and then finds the parent deleted: neither passes on a stale read. Used
 * by a restore (a row's parents must be live) and by the check of linked children (a row inserted or
 * moved must not be left live under a deleted parent).
 */
public final class ParentLocks {

    /**
     * A parent found deleted, the association through which it cascades, its child, and whether the
     * operations a restore undoes marked it (false where the caller named none).
     */
    public record DeletedParent(CascadeStep step, Object id, Object child, boolean byUndone) {

        public DeletedParent(CascadeStep step, Object id, Object child) {
            this(step, id, child, false);
        }
    }

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final String readLock;

    public ParentLocks(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        this.readLock = session.getJdbcServices().getDialect().getReadLockString(Timeouts.WAIT_FOREVER);
    }

    /**
     * Locks (shared) every parent of the rows whose REMOVE cascade reaches them, in id order, and
     * returns the deleted ones. The parents' ids are read first without a lock: a locking read that also
     * touched the rows' own table would lock a child before its parent (MariaDB locks every row a
     * locking statement reads, subqueries included).
     *
     * @param ids at most {@link IdChunks#SIZE} ids of the type
     */
    public List<DeletedParent> lockParents(EntityPersister persister, List<Object> ids) {
        return deletedParents(service.cascadePlans().parentStepsOf(persister), persister, ids, null, true, Set.of());
    }

    /**
     * As {@link #lockParents(EntityPersister, List)}, but a parent of the rows' own hierarchy among
     * {@code restoring} (rows the caller restores and locks exclusive itself, in its own order) is
     * neither read nor locked, and counts as deleted. Two callers restoring the same rows would
     * otherwise each hold a shared lock on a row that the other must lock exclusive: a deadlock.
     */
    public List<DeletedParent> lockParentsBesides(EntityPersister persister, List<Object> ids, Set<Object> restoring) {
        return deletedParents(service.cascadePlans().parentStepsOf(persister), persister, ids, null, true, restoring);
    }

    /**
     * As {@link #lockParents(EntityPersister, List)}, telling the parents that the operations of
     * {@code undone} marked from those other operations did, in the same reads.
     */
    public List<DeletedParent> lockParents(EntityPersister persister, List<Object> ids, DeletedBy undone) {
        return deletedParents(service.cascadePlans().parentStepsOf(persister), persister, ids, undone, true, Set.of());
    }

    /** As {@link #lockParents(EntityPersister, List, DeletedBy)}, without taking any lock. */
    public List<DeletedParent> readParents(EntityPersister persister, List<Object> ids, DeletedBy undone) {
        return deletedParents(service.cascadePlans().parentStepsOf(persister), persister, ids, undone, false, Set.of());
    }

    /** As {@link #lockParents(EntityPersister, List)}, through the given steps only. */
    public List<DeletedParent> lockParents(List<CascadeStep> steps, EntityPersister persister, List<Object> ids) {
        return deletedParents(steps, persister, ids, null, true, Set.of());
    }

    private List<DeletedParent> deletedParents(List<CascadeStep> steps, EntityPersister persister, List<Object> ids,
            DeletedBy undone, boolean lock, Set<Object> restoring) {
        List<DeletedParent> deleted = new ArrayList<>();
        for (CascadeStep step : steps) {
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
            Set<Object> toRead = new HashSet<>(childrenOf.keySet());
            if (parent.getRootEntityDescriptor() == persister.getRootEntityDescriptor()) {
                for (Object parentId : childrenOf.keySet()) {
                    if (restoring.contains(parentId)) {
                        toRead.remove(parentId);
                        childrenOf.get(parentId).forEach(child -> deleted.add(new DeletedParent(step, parentId, child)));
                    }
                }
            }
            Deleted parents = deletedAmong(parent, toRead, lock, undone);
            for (Set<Object> marked : List.of(parents.byOthers(), parents.byUndone())) {
                for (Object parentId : marked) {
                    childrenOf.get(parentId).forEach(child -> deleted.add(new DeletedParent(step, parentId, child,
                            marked == parents.byUndone())));
                }
            }
        }
        return deleted;
    }

    /**
     * Locks (shared) the rows of a soft-deletable type with the given ids, in id order, and returns the
     * ids of those that are soft-deleted.
     */
    public Set<Object> deletedAmong(EntityPersister parent, Collection<Object> ids) {
        return among(parent, ids, true, true, null, null);
    }

    /**
     * As {@link #deletedAmong(EntityPersister, Collection)}, without the locks unless {@code lock}, telling
     * the rows that the operations of {@code undone} marked from the others in the same read.
     */
    public Deleted deletedAmong(EntityPersister parent, Collection<Object> ids, boolean lock, DeletedBy undone) {
        Set<Object> byUndone = new HashSet<>();
        Set<Object> byOthers = among(parent, ids, lock, true, undone, byUndone);
        return new Deleted(byOthers, byUndone);
    }

    /** Deleted rows: those other operations marked, and those the operations a restore undoes marked. */
    public record Deleted(Set<Object> byOthers, Set<Object> byUndone) {
    }

    /** The ids of the rows of a soft-deletable type, among the given ones, that are live (read without a lock). */
    public Set<Object> liveAmong(EntityPersister type, Collection<Object> ids) {
        return among(type, ids, false, false, null, null);
    }

    /**
     * Reads the markers of the rows with the given ids, a chunk at a time, keeping the deleted or the
     * live ones. Returns the given ids, not the ones read back: the caller matches them with what it
     * holds, and a database may return a string id other than it was given ({@code CHAR} padding, a
     * case-insensitive collation). With {@code undone}, the deleted rows its operations marked go into
     * {@code byUndone} instead.
     */
    private Set<Object> among(EntityPersister type, Collection<Object> ids, boolean lock, boolean deleted,
            DeletedBy undone, Set<Object> byUndone) {
        JdbcMapping idType = type.getIdentifierMapping().getSingleJdbcMapping();
        MarkerColumns markers = MarkerColumns.of(type, service.typeOf(type.getEntityName()));
        String idColumn = MarkerColumns.idColumn(type);
        // the flag column only where asked for: the other callers' statements stay what they were
        String undoneColumn = undone == null ? "" : ", case when " + undone.condition(markers) + " then 1 else 0 end";
        JdbcMapping[] columns = undone == null ? new JdbcMapping[] {idType, markers.marker().getJdbcMapping()}
                : new JdbcMapping[] {idType, markers.marker().getJdbcMapping(),
                        session.getTypeConfiguration().getBasicTypeForJavaType(Integer.class)};
        Set<Object> found = new HashSet<>();
        for (List<Object> chunk : IdChunks.of(new ArrayList<>(ids))) {
            String sql = "select " + idColumn + ", " + markers.marker().getSelectionExpression() + undoneColumn
                    + " from " + markers.table() + " where " + idColumn + " in (" + IdChunks.placeholders(chunk)
                    + ") order by " + idColumn + (lock ? readLock : "");
            Binds binds = undone == null ? new Binds() : undone.bind(new Binds(), markers, session);
            binds.addAll(IdChunks.binds(chunk, type.getIdentifierMapping(), session));
            Set<Object> asked = new HashSet<>(chunk);
            for (Object[] row : Mutations.selectRows(session, sql, binds, columns)) {
                if ((row[1] != null) == deleted) {
                    boolean markedByUndone = undone != null && ((Number) row[2]).intValue() == 1;
                    (markedByUndone ? byUndone : found).addAll(asked.contains(row[0]) ? List.of(row[0])
                            : looselyEqual(type, row[0], chunk));
                }
            }
        }
        return found;
    }

    /**
     * The given ids the database took as equal to an id it returned in another form: strings equal
     * but for trailing spaces and case (all of them, where several are: a refusal too many is safe,
     * one too few is not).
     */
    private static List<Object> looselyEqual(EntityPersister type, Object read, List<Object> given) {
        List<Object> equal = new ArrayList<>();
        if (read instanceof String text) {
            String loose = text.stripTrailing();
            for (Object id : given) {
                if (id instanceof String candidate && candidate.stripTrailing().equalsIgnoreCase(loose)) {
                    equal.add(id);
                }
            }
        }
        if (equal.isEmpty()) {
            throw new IllegalStateException("softdelete: reading " + type.getEntityName() + " rows by id, the database"
                    + " returned the id " + read + ", which equals none of the ids it was asked for " + given
                    + "; an id type whose values do not compare by equals() cannot be checked");
        }
        return equal;
    }
}
