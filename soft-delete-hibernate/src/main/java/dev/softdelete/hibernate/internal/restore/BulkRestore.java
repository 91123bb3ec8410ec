package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.ManagedChildren;
import dev.softdelete.hibernate.internal.cascade.VersionBump;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code restoreDeletedSince} for all its roots at once: one statement per association and level,
 * whatever the number of roots, where {@link Restorer} would send several per root. Exact per root: a
 * level's rows are the children of the level above that carry the same delete operation as their
 * parent ({@code c.op = p.op}), so by induction each row carries its own root's operation, as the
 * one-root restore requires. The levels are found top-down, read-only, then restored bottom-up, so
 * that each level's SQL still finds its parents deleted, with their operation ids.
 * <p>
 * Applies to the roots of hierarchies that no REMOVE cascade reaches (no parent to check or lock, as
 * for most roots of an aggregate), whose rows and reachable rows have no unique key to check, and whose
 * deleted rows all carry an operation id; elsewhere the caller restores root by root.
 */
public final class BulkRestore {

    /** A level of rows to restore: SQL selecting their ids ({@code sd_id}) and operations ({@code sd_op}). */
    private record Rows(EntityPersister type, MarkerColumns columns, String idColumn, String sql, Binds binds,
            Set<String> tables, int depth, Map<Long, Long> perOperation) {

        String ids() {
            return "select sd_id from (" + sql + ") sd_level";
        }
    }

    private final SessionImplementor session;
    private final SoftDeleteService service;

    public BulkRestore(SessionImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    /**
     * Restores the rows of the type deleted at or after {@code since}, with what their deletes cascaded
     * to; the session is flushed and an unfiltered scope open.
     *
     * @return the number of rows of the type restored, or -1 when this path does not apply
     */
    public int restoreDeletedSince(EntityPersister type, Instant since) {
        MarkerColumns columns = MarkerColumns.of(type, service.typeOf(type.getEntityName()));
        String idColumn = MarkerColumns.idColumn(type);
        // a subclass shares its table with its siblings: the rows of the type are not those of the table
        if (idColumn == null || type.getRootEntityDescriptor() != type
                || !service.cascadePlans().parentStepsOf(type).isEmpty() || RestoreConflicts.mayConflict(service, type)) {
            return -1;
        }
        String marker = columns.marker().getSelectionExpression();
        Binds sinceBinds = new Binds().add(columns.marker(), columns.markerValue(since), session);
        // the roots, locked in id order, as a restore of one row locks it
        List<Object[]> roots = Mutations.selectRows(session, "select " + idColumn + ", " + columns.operation() + " from "
                + columns.table() + " where " + marker + " >= ? order by " + idColumn
                + session.getJdbcServices().getDialect().getForUpdateString(), sinceBinds,
                type.getIdentifierMapping().getSingleJdbcMapping(), columns.operationType());
        if (roots.stream().anyMatch(root -> root[1] == null)) {
            return -1; // rows marked without an operation id: their cascade is found by instant, root by root
        }
        if (roots.isEmpty()) {
            return 0;
        }
        Rows top = new Rows(type, columns, idColumn, "select " + idColumn + " as sd_id, " + columns.operation()
                + " as sd_op from " + columns.table() + " where " + marker + " >= ?", sinceBinds,
                Set.of(columns.table()), 0, perOperation(roots));
        List<Rows> levels = levelsBelow(top);
        CascadeRunner runner = new CascadeRunner(session, service);
        for (int i = levels.size() - 1; i >= 0; i--) {
            restore(levels.get(i), runner);
        }
        recordHistory(type, roots, levels);
        return roots.size();
    }

    /** The levels, top first: each the deleted children of the one above that carry their parent's operation. */
    private List<Rows> levelsBelow(Rows top) {
        List<Rows> levels = new ArrayList<>(List.of(top));
        for (int i = 0; i < levels.size(); i++) {
            Rows parents = levels.get(i);
            for (CascadeStep step : service.cascadePlans().stepsFromRowsOf(parents.type())) {
                if (parents.depth() + 1 > LevelWalk.MAX_DEPTH) {
                    throw new IllegalStateException("softdelete: the restore from " + top.type().getEntityName()
                            + " is deeper than " + LevelWalk.MAX_DEPTH + " levels; check for a cycle of deleted rows");
                }
                MarkerColumns child = step.childColumns();
                String op = "c." + child.operation();
                String joined = step.direct()
                        ? " from " + child.table() + " c join (" + parents.sql() + ") p on c." + step.parentColumn()
                                + " = p.sd_id and " + op + " = p.sd_op" + (step.childType() == null ? "" : " where " + step.childType())
                        : " from " + child.table() + " c join " + step.linkTable() + " l on l." + step.childColumn() + " = c."
                                + step.childId() + " join (" + parents.sql() + ") p on l." + step.parentColumn()
                                + " = p.sd_id and " + op + " = p.sd_op";
                String sql = "select c." + step.childId() + " as sd_id, " + op + " as sd_op" + joined;
                Map<Long, Long> counts = new LinkedHashMap<>();
                for (Object[] row : Mutations.selectRows(session, "select sd_op, count(*) from (" + sql
                        + ") sd_counted group by sd_op", parents.binds(), child.operationType(), longType())) {
                    counts.put((Long) row[0], ((Number) row[1]).longValue());
                }
                if (!counts.isEmpty()) {
                    Set<String> tables = new HashSet<>(parents.tables());
                    tables.add(child.table());
                    tables.add(step.linkTable());
                    levels.add(new Rows(step.child(), child, step.childId(), sql, parents.binds(), tables,
                            parents.depth() + 1, counts));
                }
            }
        }
        return levels;
    }

    /** Links again what the level's rows detached, then clears their markers, moving versions on. */
    private void restore(Rows level, CascadeRunner runner) {
        runner.reattach(new Level(level.type(), level.ids(), level.binds(), level.tables(), Math.max(level.depth(), 1)));
        StringBuilder set = new StringBuilder(level.columns().cleared());
        Binds setBinds = new Binds();
        VersionBump versions = VersionBump.of(level.type(), session);
        versions.appendTo(set, setBinds, session);
        runner.updateSelected(level.columns().table(), level.idColumn(), level.ids(), level.binds(), level.tables(),
                set.toString(), setBinds, level.columns().marker().getSelectionExpression() + " is not null");
        ManagedChildren.markRestoredRows(session, level.type(), level.columns(), level.idColumn(), versions);
        CacheCleanup.afterWriting(session, level.type());
    }

    /** One RESTORE entry per root; per delete operation, what came back with its roots. */
    private void recordHistory(EntityPersister type, List<Object[]> roots, List<Rows> levels) {
        if (!service.history().enabled()) {
            return;
        }
        Map<Long, OperationHistory> operations = new LinkedHashMap<>();
        Instant now = service.now();
        String actor = service.currentActor();
        for (Object[] root : roots) {
            operations.computeIfAbsent((Long) root[1], op -> new OperationHistory(op, now, actor, null))
                    .root(HistoryEntry.Kind.RESTORE, type, root[0], 1);
        }
        for (Rows level : levels.subList(1, levels.size())) {
            level.perOperation().forEach((op, rows) -> operations.get(op)
                    .reached(HistoryEntry.Kind.RESTORE_CASCADE, level.type(), rows));
        }
        List<HistoryEntry> entries = new ArrayList<>();
        operations.values().forEach(operation -> entries.addAll(operation.entries()));
        HistoryLog.record(session, service, entries);
    }

    private static Map<Long, Long> perOperation(List<Object[]> roots) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        roots.forEach(root -> counts.merge((Long) root[1], 1L, Long::sum));
        return counts;
    }

    private JdbcMapping longType() {
        return session.getTypeConfiguration().getBasicTypeForJavaType(Long.class);
    }
}
