package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Soft-deletes, or restores, the rows that a root's REMOVE cascades reach: one UPDATE per association
 * and level, whatever the number of rows, without loading a child. Each level selects the next one in
 * SQL, so the statement count grows with the depth of the graph only. A delete writes the root's
 * operation id on every row it marks; a restore brings back the children that carry it, so children
 * deleted by another operation, before or in the same instant, stay deleted.
 */
public final class CascadeRunner {

    private static final Logger LOG = Logger.getLogger(CascadeRunner.class);

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private OperationHistory history;
    private Map<Long, OperationHistory> perOperation;
    private int aliases;

    public CascadeRunner(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    /** Counts what the cascade marks or restores, per entity, into the operation's history (null: none). */
    public CascadeRunner recordingInto(OperationHistory operationHistory) {
        this.history = operationHistory;
        return this;
    }

    /**
     * Counts what a restore of several operations brings back, per operation and entity, into the
     * history of each operation, keyed by operation id (null: none).
     */
    public CascadeRunner recordingPerOperation(Map<Long, OperationHistory> operations) {
        this.perOperation = operations;
        return this;
    }

    public void softDelete(EntityPersister root, Object rootId, Instant instant, DeleteRequest request) {
        softDelete(rootLevel(root, rootId), instant, request);
    }

    /** Cascades from every row of the type that carries the request's operation: the rows a bulk delete marked. */
    public void softDeleteFromMarked(EntityPersister type, Instant instant, DeleteRequest request) {
        softDelete(markedBy(type, request), instant, request);
    }

    /** The number of rows of the type that carry the request's operation: the rows a bulk delete marked. */
    public long countMarked(EntityPersister type, DeleteRequest request) {
        Level marked = markedBy(type, request);
        Object count = Mutations.selectColumn(session, "select count(*) from (" + marked.ids() + ") sd_marked",
                marked.binds(), session.getTypeConfiguration().getBasicTypeForJavaType(Long.class)).get(0);
        return ((Number) count).longValue();
    }

    /** The level of the rows of the type that carry the request's operation: the rows a bulk delete marked. */
    public Level markedBy(EntityPersister type, DeleteRequest request) {
        MarkerColumns columns = MarkerColumns.of(type, service.typeOf(type.getEntityName()));
        String ids = "select " + MarkerColumns.idColumn(type) + " as sd_id from " + columns.table() + " where "
                + columns.operation() + " = ?";
        return new Level(type, ids, new Binds().add(columns.operationType(), request.operation()),
                Set.of(columns.table()), 0);
    }

    private void softDelete(Level root, Instant instant, DeleteRequest request) {
        Detachments detachments = new Detachments(session, service, this);
        detachments.detach(root);
        LevelWalk.walk(session, service, root, (step, parents) -> {
            MarkerColumns child = step.childColumns();
            Object marker = child.markerValue(instant);
            String markerColumn = child.marker().getSelectionExpression();
            String ofParents = childrenOf(step, parents);
            StringBuilder set = new StringBuilder(MarkerAssignment.of(child));
            Binds setBinds = MarkerAssignment.bind(new Binds(), child, marker, request, session);
            VersionBump versions = VersionBump.of(step.child(), session);
            versions.appendTo(set, setBinds, session);
            int marked = execute(levelUpdate(step, parents, ofParents, set.toString(), setBinds,
                    markerColumn + " is null", new Binds()));
            LOG.tracef("cascade %s.%s marked %d rows", step.owner().getEntityName(), step.attribute(), marked);
            if (marked == 0) {
                return null;
            }
            if (history != null) {
                history.reached(HistoryEntry.Kind.CASCADE, step.child(), marked);
            }
            ManagedChildren.markDeleted(session, step, marker, request, versions);
            evictCache(step);
            Next next = new Next("select " + step.childId() + " as sd_id from " + child.table() + " where "
                    + child.operation() + " = ? and " + ofParents,
                    new Binds().add(child.operationType(), request.operation()));
            if (service.cascadePlans().hasDetachPolicies()) {
                detachments.detach(LevelWalk.below(parents, step, next));
            }
            return next;
        });
    }

    /** Restores the rows that the root's delete operation marked through its REMOVE cascades. */
    public void restore(EntityPersister root, Object rootId, DeletedBy deletion) {
        restore(rootLevel(root, rootId), deletion);
    }

    /**
     * Restores the rows that the delete operations marked through the REMOVE cascades of the roots:
     * one UPDATE per association and level for all of them. The caller chooses roots and operations
     * so that every row an operation marked below them belongs to a root marked by it.
     */
    public void restore(Level roots, DeletedBy deletion) {
        HeldBack heldBack = new HeldBack();
        restore(roots, deletion, heldBack);
        restoreHeldBack(heldBack);
    }

    /**
     * As {@link #restore(Level, DeletedBy)}, but the rows held back go into {@code heldBack}, for
     * {@link #restoreHeldBack} once every group of roots of the same restore has been walked.
     */
    public void restore(Level roots, DeletedBy deletion, HeldBack heldBack) {
        restoreBelow(roots, deletion, heldBack);
    }

    /**
     * Restores, round after round, the held-back rows whose deleted parents are back or come back with
     * them, and what their operations marked below them; the rows left stay deleted. Every round first
     * restores the rows it takes, then walks below them, so that a walk does not hold back a row of the
     * same round; a restored row is never held back again, so the rounds end.
     */
    public void restoreHeldBack(HeldBack heldBack) {
        ParentLocks locks = new ParentLocks(session, service);
        for (var ready = heldBack.takeReady(locks); !ready.isEmpty(); ready = heldBack.takeReady(locks)) {
            List<Runnable> walksBelow = new ArrayList<>();
            ready.forEach((held, ids) -> IdChunks.of(ids).forEach(chunk -> {
                Level restored = restoreHeld(held.step(), chunk, held.deletion());
                if (restored != null) {
                    walksBelow.add(() -> restoreBelow(restored, held.deletion(), heldBack));
                }
            }));
            walksBelow.forEach(Runnable::run);
        }
    }

    /**
     * Restores held-back rows by id, those still marked by their operations (another path of the walk
     * may have brought one back meanwhile); returns them as a level to walk below, or null if none was.
     */
    private Level restoreHeld(CascadeStep step, List<Object> ids, DeletedBy deletion) {
        MarkerColumns child = step.childColumns();
        String placeholders = IdChunks.placeholders(ids);
        Binds idBinds = IdChunks.binds(ids, step.child().getIdentifierMapping(), session);
        String where = deletion.condition(child) + " and " + step.childId() + " in (" + placeholders + ")";
        Binds whereBinds = deletion.bind(new Binds(), child, session).addAll(idBinds);
        int rows = restoreRows(step, where, whereBinds, deletion, set -> new LevelUpdate("update " + child.table()
                + " set " + set.sql() + " where " + where, new Binds().addAll(set.binds()).addAll(whereBinds)));
        return rows > 0 ? Level.roots(step.child(), placeholders, idBinds) : null;
    }

    private void restoreBelow(Level roots, DeletedBy deletion, HeldBack heldBack) {
        Detachments detachments = new Detachments(session, service, this);
        detachments.reattach(roots);
        OtherParents otherParents = new OtherParents(session, service, this);
        LevelWalk.walk(session, service, roots, (step, parents) -> {
            MarkerColumns child = step.childColumns();
            String ofParents = childrenOf(step, parents);
            String where = deletion.condition(child);
            Binds whereBinds = deletion.bind(new Binds(), child, session);
            OtherParents.Exclusion kept = otherParents.exclusion(step, where + " and " + ofParents,
                    new Binds().addAll(whereBinds).addAll(parents.binds()), deletion, heldBack);
            if (kept != null) {
                where += kept.sql();
                whereBinds.addAll(kept.binds());
            }
            String condition = where;
            int rows = restoreRows(step, where + " and " + step.childrenOf(parents.ids()),
                    new Binds().addAll(whereBinds).addAll(parents.binds()), deletion,
                    set -> levelUpdate(step, parents, ofParents, set.sql(), set.binds(), condition, whereBinds));
            if (rows == 0) {
                return null;
            }
            // below the rows that came back only: a row kept deleted keeps the rows below it deleted too
            Next next = new Next("select " + step.childId() + " as sd_id from " + child.table() + " where "
                    + ofParents + (kept == null ? "" : " and " + child.marker().getSelectionExpression() + " is null"),
                    new Binds());
            if (service.cascadePlans().hasDetachPolicies()) {
                // every child of the parents, as the walk goes on below them: a row keeps a detached key only
                // while it is deleted, since every restore puts the keys back, so the live ones match none
                detachments.reattach(LevelWalk.below(parents, step, next));
            }
            return next;
        });
    }

    /** The SET clause of a restore's UPDATE, with its parameters. */
    private record SetClause(String sql, Binds binds) {
    }

    /**
     * Restores the step's child rows that {@code selected} (a condition on the child's marker table)
     * selects, with the UPDATE that {@code update} builds around the SET clause, and keeps the history,
     * the managed instances and the second-level cache in step; returns the number of rows restored.
     */
    private int restoreRows(CascadeStep step, String selected, Binds selectedBinds, DeletedBy deletion,
            Function<SetClause, LevelUpdate> update) {
        MarkerColumns child = step.childColumns();
        if (perOperation != null) {
            countPerOperation(step, selected, selectedBinds);
        }
        StringBuilder set = new StringBuilder(child.cleared());
        Binds setBinds = new Binds();
        VersionBump versions = VersionBump.of(step.child(), session);
        versions.appendTo(set, setBinds, session);
        int rows = execute(update.apply(new SetClause(set.toString(), setBinds)));
        LOG.tracef("restore %s.%s restored %d rows", step.owner().getEntityName(), step.attribute(), rows);
        if (rows > 0) {
            if (history != null) {
                history.reached(HistoryEntry.Kind.RESTORE_CASCADE, step.child(), rows);
            }
            ManagedChildren.markRestored(session, step, deletion.markerOfManaged(child), versions);
            evictCache(step);
        }
        return rows;
    }

    /**
     * Counts, per operation, the rows that the restore is about to bring back, into that operation's
     * history: one grouped read, made only when history is kept.
     */
    private void countPerOperation(CascadeStep step, String selected, Binds binds) {
        MarkerColumns child = step.childColumns();
        String sql = "select " + child.operation() + ", count(*) from " + child.table() + " where "
                + selected + " group by " + child.operation();
        for (Object[] row : Mutations.selectRows(session, sql, binds, child.operationType(),
                session.getTypeConfiguration().getBasicTypeForJavaType(Long.class))) {
            OperationHistory operation = perOperation.get((Long) row[0]);
            if (operation != null) {
                operation.reached(HistoryEntry.Kind.RESTORE_CASCADE, step.child(), ((Number) row[1]).longValue());
            }
        }
    }

    /**
     * The condition, on the child's marker table, that selects the children of a level's parents.
     * When that table holds the foreign key itself (a one-to-many), it is a plain
     * {@code fk in (parents)}, which the database answers from the foreign key's index, as a
     * hand-written statement would; otherwise the ids come from the link table. A derived table is
     * used only where the subquery reads the updated table, which MariaDB and MySQL reject (error
     * 1093) unless it is materialised.
     */
    private String childrenOf(CascadeStep step, Level parents) {
        String table = step.childColumns().table();
        if (step.direct()) {
            return step.parentColumn() + " in (" + readable(parents.ids(), parents.tables().contains(table)) + ")"
                    + step.ofChildType();
        }
        boolean readsUpdated = parents.tables().contains(table) || step.linkTable().equals(table);
        return step.childId() + " in (" + readable(step.childIds(parents.ids()), readsUpdated) + ")";
    }

    /**
     * The UPDATE of one level's children: {@code set} on the rows that meet {@code where} among the
     * children of the level's parents ({@code ofParents}). Three forms, one per database family:
     * <ul>
     * <li>{@code update child set ... where ... and <ofParents>}: PostgreSQL and the others, which
     * answer {@code fk in (parent ids)} from the foreign key's index, as a hand-written statement would;</li>
     * <li>MariaDB and MySQL: {@code update child join (<parent ids>) sd_parents on ... set ... where ...}.
     * Their single-table UPDATE evaluates an {@code in (subquery)} row by row over a scan of the whole
     * child table (semi-joins are not used for it before MariaDB 11.1 and MySQL 8.0.21), which locks
     * every row of that table and reads the parents after the children, against the parents-first
     * order every other cascade and restore keeps: concurrent cascades deadlock. The join reads the
     * parents' ids first and reaches the children through the foreign key's index;</li>
     * <li>H2: {@code merge into child using (select child.id from child join (<parent ids>) sd_parents
     * on ... where ...) sd_rows on (child.id = sd_rows.sd_row) when matched then update set ...}. From
     * 2.4 on, H2 runs the {@code in (subquery)} of an UPDATE again for every row it checks once the
     * transaction has written the subquery's table, which a cascade always has (the parent level):
     * 10,000 grandchildren took 3.5–4.8 s instead of 70–330 ms. A join with a derived table is read
     * once. The parents come first and are outer-joined: with an inner join H2 chooses to scan the child
     * table (through the marker's index, for {@code marker is null}) and to probe the derived table once per
     * row, 3.4× slower on the cascade benchmark's grandchild level (121 ms against 36 ms for 10,000 rows);
     * H2 keeps the order of an outer join. A parent without children yields a row whose {@code sd_row} is
     * null, which matches nothing. H2 2.3 keeps the first form: it reads the subquery once, and the two
     * forms measured alike there.</li>
     * </ul>
     * The level of the root, whose parent ids are bound values, uses the first form everywhere.
     */
    private LevelUpdate levelUpdate(CascadeStep step, Level parents, String ofParents, String set, Binds setBinds,
            String where, Binds whereBinds) {
        return levelUpdate(step.childColumns().table(), step.direct() ? step.parentColumn() : step.childId(),
                step.childId(), step.direct() ? parents.ids() : step.childIds(parents.ids()),
                step.direct() ? step.ofChildType() : "", parents, ofParents, set, setBinds, where, whereBinds);
    }

    /**
     * {@link #levelUpdate(CascadeStep, Level, String, String, Binds, String, Binds)} on any table whose
     * {@code column} holds the ids that {@code ids} selects: a level's children, or the rows a
     * {@code DETACH} association unlinks ({@link Detachments}).
     */
    LevelUpdate levelUpdate(String table, String column, String idColumn, String ids, String ofType, Level parents,
            String ofParents, String set, Binds setBinds, String where, Binds whereBinds) {
        Dialect dialect = session.getJdbcServices().getDialect();
        boolean mySql = dialect instanceof MySQLDialect;
        if (parents.bound() || !(mySql || rerunsSubqueries(dialect))) {
            return new LevelUpdate("update " + table + " set " + set + " where " + where + " and " + ofParents,
                    new Binds().addAll(setBinds).addAll(whereBinds).addAll(parents.binds()));
        }
        String joined = table + " join (" + distinct(ids) + ") sd_parents on " + table + "." + column
                + " = sd_parents.sd_id";
        String condition = where + ofType;
        if (mySql) {
            return new LevelUpdate("update " + joined + " set " + set + " where " + condition,
                    new Binds().addAll(parents.binds()).addAll(setBinds).addAll(whereBinds));
        }
        String id = table + "." + idColumn;
        String parentsFirst = "(" + distinct(ids) + ") sd_parents left join " + table + " on " + table + "." + column
                + " = sd_parents.sd_id";
        return new LevelUpdate("merge into " + table + " using (select " + id + " as sd_row from " + parentsFirst
                + " where " + condition + ") sd_rows on (" + id + " = sd_rows.sd_row) when matched then update set "
                + set, new Binds().addAll(parents.binds()).addAll(whereBinds).addAll(setBinds));
    }

    /** H2 from 2.4 on; 2.3 reads the subquery of an UPDATE once. */
    private static boolean rerunsSubqueries(Dialect dialect) {
        return dialect instanceof H2Dialect && dialect.getVersion().isSameOrAfter(2, 4);
    }

    /** The SQL text of one level's UPDATE and its parameters, in the order of the text. */
    record LevelUpdate(String sql, Binds binds) {
    }

    int execute(LevelUpdate update) {
        return Mutations.executeUpdate(session, update.sql(), update.binds());
    }

    private static String distinct(String ids) {
        return ids.startsWith("select distinct ") ? ids : "select distinct " + ids.substring("select ".length());
    }

    String readable(String ids, boolean readsUpdatedTable) {
        if (!readsUpdatedTable || LevelWalk.isBound(ids)) {
            return ids;
        }
        String alias = "sd" + (++aliases);
        // DISTINCT keeps MariaDB and MySQL from merging the derived table back into the UPDATE
        return "select " + alias + ".sd_id from (" + distinct(ids) + ") " + alias;
    }

    private Level rootLevel(EntityPersister root, Object rootId) {
        return Level.root(root, new Binds().add(root.getIdentifierMapping(), rootId, session));
    }

    private void evictCache(CascadeStep step) {
        CacheCleanup.afterWriting(session, step.child());
    }
}
