package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.cascade.HeldBack;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.cascade.VersionBump;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.impact.RestoreImpact;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.DeleteOperations;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code restoreDeletedSince} and {@code restoreAll}: many rows of a type, each with what its delete
 * cascaded to, restored together, {@value IdChunks#SIZE} rows per group: one UPDATE for the group's rows
 * and one per association and level for all their children, where {@link Restorer} sends several
 * statements per row.
 * <p>
 * Exact per row, as {@link Restorer} is. A group's cascade restores the rows below its rows that carry
 * the operation id of one of them. A row below row A that carries the operation of another row B came
 * there by B's operation, so it lies below a row where that operation began: B itself, another row of
 * the type marked by the same bulk statement, or a row above B that is still deleted. The last makes B a
 * row with a deleted parent, restored on its own after the groups (or refused before anything changes,
 * as a single restore would refuse it). The second is a row of the window too ({@code restoreDeletedSince}:
 * its instant is B's); for {@code restoreAll} an operation that marked rows of the type not in the list
 * is "open", and its rows are restored one at a time. So are rows marked without an operation id, and
 * groups whose rows would share a unique key with each other; subclasses of a hierarchy and composite
 * ids go one at a time throughout.
 */
public final class RootsRestore {

    private final SessionImplementor session;
    private final SoftDeleteService service;
    private final RestoreLocks locks;
    private final Restorer oneByOne;
    // for the rows left over from the groups, whose deleted parents are all among the rows to restore
    private final Restorer parentsFirst;
    private final boolean withParents;
    // rows read as deleted that another transaction restored before this one locked them
    private int restoredMeanwhile;
    // the operations of the rows this call restored: the rows they marked came back with them
    private final Set<Long> restoredOperations = new HashSet<>();
    // rows whose parent, marked by an operation of this call, may come back with a later group of roots
    private final HeldBack heldBack = new HeldBack();
    // the history of each group, written once the held-back rows are settled (null: none kept)
    private final List<Map<Long, OperationHistory>> groupHistories;

    public RootsRestore(SessionImplementor session, SoftDeleteService service, RestoreOption... options) {
        this.session = session;
        this.service = service;
        this.locks = new RestoreLocks(session, service);
        this.oneByOne = new Restorer(session, service, options);
        this.parentsFirst = new Restorer(session, service, restoredOperations, RestoreOption.WITH_PARENTS);
        this.withParents = List.of(options).contains(RestoreOption.WITH_PARENTS);
        this.groupHistories = service.history().enabled() ? new ArrayList<>() : null;
    }

    /**
     * Restores the rows of the type deleted at or after the instant; an unfiltered scope is open.
     *
     * @return the number of rows of the type that were deleted in the window, but for those another
     *         transaction restored before this one locked them
     */
    public int restoreDeletedSince(EntityPersister type, Instant since) {
        if (!together(type) || sessionFilters()) {
            List<Object> deleted = idsOf(type, "e." + service.typeOf(type.getEntityName()).markerAttribute()
                    + " >= :since", "since", columns(type).markerValue(since));
            if (together(type)) {
                // the rows the session's filters let it see (a tenant's own), read through HQL; every row an
                // operation of the window marked is among them, so restoring them as a list is the same
                return restoreListed(type, new ArrayList<>(deleted));
            }
            deleted.forEach(id -> oneByOne.restore(type, id));
            return deleted.size();
        }
        MarkerColumns columns = columns(type);
        Map<Object, Long> deleted = deletedRows(type, columns, columns.marker().getSelectionExpression() + " >= ?",
                new Binds().add(columns.marker(), columns.markerValue(since), session));
        // every row of the type that an operation of the window marked is in the window: its instant is there
        restore(type, deleted, Set.of());
        return deleted.size() - restoredMeanwhile;
    }

    /**
     * Restores the rows of the type with the given ids; an unfiltered scope is open.
     *
     * @return the number of them that were deleted, but for those another transaction restored before
     *         this one locked them
     */
    public int restoreAll(EntityPersister type, List<Object> ids) {
        List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        return restoreListed(type, sessionFilters() ? visible(type, distinct) : distinct);
    }

    /** Restores the rows of the type with these distinct ids, all of rows the session may see. */
    private int restoreListed(EntityPersister type, List<Object> distinct) {
        if (!together(type)) {
            List<Object> ofType = type.getSuperMappingType() == null ? distinct
                    : idsOf(type, "id(e) in (:ids)", "ids", distinct);
            return (int) ofType.stream().filter(id -> oneByOne.restore(type, id)).count();
        }
        MarkerColumns columns = columns(type);
        // groups in id order, whatever order the caller lists the ids in: two calls over overlapping lists
        // then lock their rows in the same order, group after group, and one waits for the other rather
        // than each holding a group that the other needs next
        sortIfComparable(distinct);
        Map<Object, Long> deleted = new LinkedHashMap<>();
        for (List<Object> chunk : IdChunks.of(distinct)) {
            deleted.putAll(deletedRows(type, columns, MarkerColumns.idColumn(type) + " in ("
                    + IdChunks.placeholders(chunk) + ") and " + columns.marker().getSelectionExpression() + " is not null",
                    IdChunks.binds(chunk, type.getIdentifierMapping(), session)));
        }
        restore(type, deleted, operationsBeyond(type, columns, deleted));
        return deleted.size() - restoredMeanwhile;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortIfComparable(List<Object> ids) {
        if (ids.stream().allMatch(Comparable.class::isInstance)) {
            ids.sort((a, b) -> ((Comparable) a).compareTo(b));
        }
    }

    /**
     * Restores the rows together, but for the rows with a deleted parent, those marked without an
     * operation id, and those whose operation also marked rows of the type that are not to be restored
     * (one of these may lie below a row of the list, which must not bring it back): one at a time, after.
     */
    private void restore(EntityPersister type, Map<Object, Long> deleted, Set<Long> openOperations) {
        List<List<Object>> groups = IdChunks.of(new ArrayList<>(deleted.keySet()));
        if (withParents) {
            restoreParentsOutside(type, groups, deleted);
        }
        Set<Object> alone = rootsWithDeletedParents(type, groups, deleted);
        deleted.forEach((id, operation) -> {
            if (operation == null || openOperations.contains(operation)) {
                alone.add(id);
            }
        });
        for (List<Object> group : groups) {
            Map<Object, Long> together = new LinkedHashMap<>();
            group.stream().filter(id -> !alone.contains(id)).forEach(id -> together.put(id, deleted.get(id)));
            if (!together.isEmpty()) {
                alone.addAll(restoreTogether(type, together));
            }
        }
        settleHeldBack();
        restoreOneByOne(type, alone, deleted);
    }

    /**
     * With {@link RestoreOption#WITH_PARENTS}: the deleted parents of the rows that are not rows of the
     * call themselves come back first, each chain from its top down ({@link Restorer}), before this
     * call takes any lock, sorted by type and id. Locked shared with the rows' other parents first and
     * restored later, such a parent was held shared by two calls over the same rows, each then waiting
     * for the other to let it lock the parent exclusive: a deadlock. Read without locks, one read per
     * association and {@value IdChunks#SIZE} rows. A parent that a row's own cascade brings back (a
     * ring: its delete marked the row too, and the row's type lies on a cascade cycle) is left to the
     * groups.
     */
    private void restoreParentsOutside(EntityPersister type, List<List<Object>> groups, Map<Object, Long> deleted) {
        ParentLocks parents = new ParentLocks(session, service);
        boolean onCycle = service.cascadePlans().onCycle(type);
        Map<String, Map<Object, EntityPersister>> outside = new TreeMap<>();
        for (List<Object> group : groups) {
            List<Long> operations = group.stream().map(deleted::get).filter(Objects::nonNull).distinct().toList();
            for (DeletedParent parent : parents.readParents(type, group,
                    operations.isEmpty() ? null : new DeleteOperations(operations))) {
                String hierarchy = parent.step().owner().getRootEntityName();
                boolean isRow = hierarchy.equals(type.getRootEntityName()) && deleted.containsKey(parent.id());
                if (!isRow && !(onCycle && parent.byUndone() && comesBackWithRow(type, parent, deleted))) {
                    outside.computeIfAbsent(hierarchy, h -> new LinkedHashMap<>())
                            .putIfAbsent(parent.id(), parent.step().owner());
                }
            }
        }
        // one order for every call: two calls over overlapping rows lock the parents they share alike
        outside.values().forEach(ofHierarchy -> {
            List<Object> ids = new ArrayList<>(ofHierarchy.keySet());
            sortIfComparable(ids);
            ids.forEach(id -> parentsFirst.restore(ofHierarchy.get(id), id));
        });
    }

    /** Whether the row's own cascade brings back the deleted parent that the row's delete marked. */
    private boolean comesBackWithRow(EntityPersister type, DeletedParent parent, Map<Object, Long> deleted) {
        Long operation = deleted.get(parent.child());
        return operation != null && !new RestoreImpact(session, service).broughtBack(type, parent.child(),
                new DeletionKey(null, operation), List.of(parent)).isEmpty();
    }

    /**
     * The rows left from the groups, one at a time, in any order: a row's deleted parents, all among the
     * rows (checked before), come back first, with their own cascades. Most of these rows are live by
     * now (the nodes of a tree below its top, which the top's cascade brought back), and a row restored
     * alone costs three statements at least: one read per {@value IdChunks#SIZE} rows finds those left.
     * A row that is live, or that its own restore finds live, came back with an operation this call
     * restored rows of, or else another transaction restored it meanwhile and it is not counted (a row
     * marked without an operation id is counted).
     */
    private void restoreOneByOne(EntityPersister type, Set<Object> alone, Map<Object, Long> deleted) {
        if (alone.isEmpty()) {
            return;
        }
        Set<Object> live = new ParentLocks(session, service).liveAmong(type, alone);
        for (Object id : alone) {
            Long operation = deleted.get(id);
            boolean restored = !live.contains(id) && parentsFirst.restore(type, id);
            if (!restored && operation != null && !restoredOperations.contains(operation)) {
                restoredMeanwhile++;
            }
        }
    }

    /**
     * The ids of the rows of the type that meet an HQL condition on {@code e}, for the types restored one
     * row at a time: HQL keeps a subclass's rows apart from the others of its table, and reads a composite
     * id whole.
     */
    private List<Object> idsOf(EntityPersister type, String condition, String parameter, Object value) {
        return session.createSelectionQuery("select id(e) from " + type.getEntityName() + " e where " + condition,
                Object.class).setParameter(parameter, value).getResultList();
    }

    /**
     * Whether the session has filters on (Hibernate's tenant filter, say): the library's own SQL reads by
     * id below them, so the rows it may restore are first read through HQL, which applies them.
     */
    private boolean sessionFilters() {
        return session.getLoadQueryInfluencers().hasEnabledFilters();
    }

    /** The ids among these of rows of the type that the session's filters let it see. */
    private List<Object> visible(EntityPersister type, List<Object> ids) {
        List<Object> visible = new ArrayList<>();
        for (List<Object> chunk : IdChunks.of(ids)) {
            visible.addAll(idsOf(type, "id(e) in (:ids)", "ids", chunk));
        }
        return visible;
    }

    /** Hierarchy roots with a single-column id; a subclass shares its table with rows of other types. */
    private static boolean together(EntityPersister type) {
        return type.getSuperMappingType() == null && MarkerColumns.idColumn(type) != null;
    }

    private MarkerColumns columns(EntityPersister type) {
        return MarkerColumns.of(type, service.typeOf(type.getEntityName()));
    }

    /** The deleted rows that the condition selects, in id order, with the operation that marked each (null: none). */
    private Map<Object, Long> deletedRows(EntityPersister type, MarkerColumns columns, String where, Binds binds) {
        String idColumn = MarkerColumns.idColumn(type);
        Map<Object, Long> rows = new LinkedHashMap<>();
        for (Object[] row : Mutations.selectRows(session, "select " + idColumn + ", " + columns.operation() + " from "
                + columns.table() + " where " + where + " order by " + idColumn, binds,
                type.getIdentifierMapping().getSingleJdbcMapping(), columns.operationType())) {
            rows.put(row[0], (Long) row[1]);
        }
        return rows;
    }

    /** The operations of the rows that also marked rows of the type that are not among them. */
    private Set<Long> operationsBeyond(EntityPersister type, MarkerColumns columns, Map<Object, Long> deleted) {
        Map<Long, Long> listed = new HashMap<>();
        deleted.values().stream().filter(Objects::nonNull).forEach(operation -> listed.merge(operation, 1L, Long::sum));
        Set<Long> beyond = new HashSet<>();
        for (List<Object> chunk : IdChunks.of(new ArrayList<Object>(listed.keySet()))) {
            Binds binds = new Binds();
            chunk.forEach(operation -> binds.add(columns.operationType(), operation));
            String sql = "select " + columns.operation() + ", count(*) from " + columns.table() + " where "
                    + columns.operation() + " in (" + IdChunks.placeholders(chunk) + ") group by " + columns.operation();
            for (Object[] row : Mutations.selectRows(session, sql, binds, columns.operationType(),
                    session.getTypeConfiguration().getBasicTypeForJavaType(Long.class))) {
                if (((Number) row[1]).longValue() > listed.get((Long) row[0])) {
                    beyond.add((Long) row[0]);
                }
            }
        }
        return beyond;
    }

    /**
     * Locks the parents of every root, before any root, as one restore locks a row's parents before the
     * row; returns the roots with a deleted parent. Without {@link RestoreOption#WITH_PARENTS}, a deleted
     * parent that is not one of the roots, nor brought back by the root's own cascade (a ring of rows),
     * refuses the whole call here, before anything changed.
     */
    private Set<Object> rootsWithDeletedParents(EntityPersister type, List<List<Object>> groups,
            Map<Object, Long> roots) {
        Set<Object> alone = new LinkedHashSet<>();
        for (List<Object> group : groups) {
            Map<Object, List<DeletedParent>> outsideByRoot = new LinkedHashMap<>();
            // a parent among the roots is not locked shared here, but exclusive later, with its group or on its
            // own: two calls over the same rows would each hold a shared lock that the other must turn exclusive
            for (DeletedParent parent : locks.lockParentsBesides(type, group, roots.keySet())) {
                boolean parentIsRoot = parent.step().owner().getRootEntityName().equals(type.getEntityName())
                        && roots.containsKey(parent.id());
                if (!withParents && !parentIsRoot) {
                    outsideByRoot.computeIfAbsent(parent.child(), root -> new ArrayList<>()).add(parent);
                }
                alone.add(parent.child());
            }
            // one walk per root whose parents lie outside the roots: only its own cascade can bring them back
            outsideByRoot.forEach((root, parents) -> {
                Set<DeletedParent> back = broughtBack(type, root, parents, roots.get(root));
                parents.stream().filter(parent -> !back.contains(parent)).findFirst().ifPresent(parent -> {
                    throw Restorer.parentStillDeleted(type, root, parent);
                });
            });
        }
        return alone;
    }

    /** The parents of the root, marked by the operation, that the root's restore brings back itself. */
    private Set<DeletedParent> broughtBack(EntityPersister type, Object root, List<DeletedParent> parents,
            Long operation) {
        return operation == null ? Set.of() : new RestoreImpact(session, service)
                .broughtBack(type, root, new DeletionKey(null, operation), parents);
    }

    /**
     * Restores the roots that are still deleted, together; returns those left to restore one at a time:
     * a root deleted again by another operation since it was read, or all of them when two would share a
     * unique key (one at a time, the later one is refused).
     */
    private List<Object> restoreTogether(EntityPersister type, Map<Object, Long> expected) {
        MarkerColumns columns = columns(type);
        Map<Object, Long> roots = lockRoots(type, columns, new ArrayList<>(expected.keySet()));
        expected.forEach((id, operation) -> {
            // a root live by now came back with its operation, restored by this call (a parent restored first
            // that the same delete marked) or else by another transaction
            if (!roots.containsKey(id) && !restoredOperations.contains(operation)) {
                restoredMeanwhile++;
            }
        });
        List<Object> alone = new ArrayList<>();
        roots.forEach((id, operation) -> {
            if (!Objects.equals(operation, expected.get(id))) {
                alone.add(id);
            }
        });
        roots.keySet().removeAll(alone);
        if (roots.isEmpty()) {
            return alone;
        }
        List<Object> rootIds = new ArrayList<>(roots.keySet());
        Level level = Level.roots(type, IdChunks.placeholders(rootIds),
                IdChunks.binds(rootIds, type.getIdentifierMapping(), session));
        DeleteOperations operations = new DeleteOperations(new ArrayList<>(new LinkedHashSet<>(roots.values())));
        if (!RestoreConflicts.checkAll(session, service, level, operations)) {
            alone.addAll(rootIds);
            return alone;
        }
        restore(type, columns, level, roots, operations);
        restoredOperations.addAll(operations.ids());
        return alone;
    }

    /** Locks the roots that are still deleted, in id order; returns their operation ids (null: none). */
    private Map<Object, Long> lockRoots(EntityPersister type, MarkerColumns columns, List<Object> ids) {
        String idColumn = MarkerColumns.idColumn(type);
        String sql = "select " + idColumn + ", " + columns.operation() + " from " + columns.table() + " where "
                + idColumn + " in (" + IdChunks.placeholders(ids) + ") and " + columns.marker().getSelectionExpression()
                + " is not null order by " + idColumn + session.getJdbcServices().getDialect().getForUpdateString();
        Map<Object, Long> roots = new LinkedHashMap<>();
        for (Object[] row : Mutations.selectRows(session, sql, IdChunks.binds(ids, type.getIdentifierMapping(), session),
                type.getIdentifierMapping().getSingleJdbcMapping(), columns.operationType())) {
            roots.put(row[0], (Long) row[1]);
        }
        return roots;
    }

    private void restore(EntityPersister type, MarkerColumns columns, Level level, Map<Object, Long> roots,
            DeleteOperations operations) {
        StringBuilder sql = new StringBuilder("update ").append(columns.table()).append(" set ").append(columns.cleared());
        Binds binds = new Binds();
        VersionBump.of(type, session).appendTo(sql, binds, session);
        sql.append(" where ").append(MarkerColumns.idColumn(type)).append(" in (").append(level.ids()).append(")");
        Mutations.executeUpdate(session, sql.toString(), binds.addAll(level.binds()));
        CacheCleanup.afterWriting(session, type);
        Map<Long, OperationHistory> history = historyOf(type, roots);
        new CascadeRunner(session, service).recordingPerOperation(history).restore(level, operations, heldBack);
        if (history != null) {
            groupHistories.add(history);
        }
        refreshManaged(type, roots.keySet());
    }

    /**
     * Restores the held-back rows of all the groups whose parents came back, counting each into the
     * history of the first group its operation restored roots in, then writes the groups' history.
     */
    private void settleHeldBack() {
        Map<Long, OperationHistory> firstOfOperation = null;
        if (groupHistories != null) {
            firstOfOperation = new HashMap<>();
            for (Map<Long, OperationHistory> group : groupHistories) {
                group.forEach(firstOfOperation::putIfAbsent);
            }
        }
        new CascadeRunner(session, service).recordingPerOperation(firstOfOperation).restoreHeldBack(heldBack);
        if (groupHistories != null) {
            // one INSERT per group, as many rows as a group's roots and cascades: a statement's parameters stay bounded
            for (Map<Long, OperationHistory> group : groupHistories) {
                List<HistoryEntry> entries = new ArrayList<>();
                group.values().forEach(operation -> entries.addAll(operation.entries()));
                HistoryLog.record(session, service, entries);
            }
            groupHistories.clear();
        }
    }

    /** Per operation, the history of restoring its roots, under the id of the delete it undoes; null when none is kept. */
    private Map<Long, OperationHistory> historyOf(EntityPersister type, Map<Object, Long> roots) {
        if (!service.history().enabled()) {
            return null;
        }
        Map<Long, OperationHistory> operations = new LinkedHashMap<>();
        Instant now = service.now();
        String actor = service.currentActor();
        roots.forEach((id, operation) -> operations
                .computeIfAbsent(operation, key -> new OperationHistory(key, now, actor, null))
                .root(HistoryEntry.Kind.RESTORE, type, id, 1));
        return operations;
    }

    /** The instances of the roots that the session holds say what their rows say now. */
    private void refreshManaged(EntityPersister type, Set<Object> ids) {
        for (Object id : new HashSet<>(ids)) {
            Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, type));
            if (managed != null) {
                session.refresh(managed);
            }
        }
    }
}
