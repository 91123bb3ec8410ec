package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.session.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.state.DeletionKey;
import dev.softdelete.hibernate.internal.state.MarkerColumns;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Soft-deletes, or restores, the rows that a root's REMOVE cascades reach: one UPDATE per association
 * and level, whatever the number of rows, without loading a child. Each level selects the next one in
 * SQL, so the statement count grows with the depth of the graph only. A delete writes the root's
 * operation id on every row it marks; a restore brings back the children that carry it, so children
 * deleted by another operation, before or in the same instant, stay deleted.
 */
public final class CascadeRunner {

    private static final Logger LOG = Logger.getLogger(CascadeRunner.class);
    private static final int MAX_DEPTH = 64;

    /**
     * The rows of one level: their type, SQL selecting their ids as column {@code sd_id} with its
     * parameters, and the tables that SQL reads (an UPDATE of one of them needs a derived table).
     */
    private record Level(EntityPersister type, String ids, Binds binds, Set<String> tables, int depth) {
    }

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private int aliases;

    public CascadeRunner(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    public void softDelete(EntityPersister root, Object rootId, Instant instant, DeleteRequest request) {
        softDelete(rootLevel(root, rootId), instant, request);
    }

    /** Cascades from every row of the type that carries the request's operation: the rows a bulk delete marked. */
    public void softDeleteFromMarked(EntityPersister type, Instant instant, DeleteRequest request) {
        MarkerColumns columns = MarkerColumns.of(type, service.typeOf(type.getEntityName()));
        String ids = "select " + MarkerColumns.idColumn(type) + " as sd_id from " + columns.table() + " where "
                + columns.operation() + " = ?";
        softDelete(new Level(type, ids, new Binds().add(columns.operationType(), request.operation()),
                Set.of(columns.table()), 0), instant, request);
    }

    private void softDelete(Level root, Instant instant, DeleteRequest request) {
        Deque<Level> levels = new ArrayDeque<>();
        levels.add(root);
        while (!levels.isEmpty()) {
            Level parents = levels.poll();
            for (CascadeStep step : stepsFrom(parents)) {
                MarkerColumns child = step.childColumns();
                Object marker = child.markerValue(instant);
                String marked = child.marker().getSelectionExpression();
                String ofParents = childrenOf(step, parents);
                StringBuilder sql = new StringBuilder("update ").append(child.table()).append(" set ")
                        .append(marked).append(" = ?, ").append(child.operation()).append(" = ?");
                Binds binds = new Binds().add(child.marker(), marker, session)
                        .add(child.operationType(), request.operation());
                if (child.actor() != null) {
                    sql.append(", ").append(child.actor().getSelectionExpression()).append(" = ?");
                    binds.add(child.actor(), request.actor(), session);
                }
                if (child.reason() != null) {
                    sql.append(", ").append(child.reason().getSelectionExpression()).append(" = ?");
                    binds.add(child.reason(), request.reason(), session);
                }
                VersionBump versions = VersionBump.of(step.child(), session);
                versions.appendTo(sql, binds, session);
                sql.append(" where ").append(marked).append(" is null and ").append(ofParents);
                int rows = Mutations.executeUpdate(session, sql.toString(), binds.addAll(parents.binds()));
                LOG.tracef("cascade %s.%s marked %d rows", step.owner().getEntityName(), step.attribute(), rows);
                if (rows > 0) {
                    ManagedChildren.markDeleted(session, step, marker, request, versions);
                    evictCache(step);
                    String next = "select " + step.childId() + " as sd_id from " + child.table() + " where "
                            + child.operation() + " = ? and " + ofParents;
                    levels.add(next(parents, step, next, new Binds().add(child.operationType(), request.operation())));
                }
            }
        }
    }

    /** Restores the rows that the root's delete operation marked through its REMOVE cascades. */
    public void restore(EntityPersister root, Object rootId, DeletionKey deletion) {
        Deque<Level> levels = new ArrayDeque<>();
        levels.add(rootLevel(root, rootId));
        while (!levels.isEmpty()) {
            Level parents = levels.poll();
            for (CascadeStep step : stepsFrom(parents)) {
                MarkerColumns child = step.childColumns();
                String ofParents = childrenOf(step, parents);
                StringBuilder sql = new StringBuilder("update ").append(child.table()).append(" set ")
                        .append(child.cleared());
                Binds binds = new Binds();
                VersionBump versions = VersionBump.of(step.child(), session);
                versions.appendTo(sql, binds, session);
                sql.append(" where ").append(deletion.condition(child)).append(" and ").append(ofParents);
                deletion.bind(binds, child, session).addAll(parents.binds());
                int rows = Mutations.executeUpdate(session, sql.toString(), binds);
                LOG.tracef("restore %s.%s restored %d rows", step.owner().getEntityName(), step.attribute(), rows);
                if (rows > 0) {
                    ManagedChildren.markRestored(session, step, child.markerValue(deletion.instant()), versions);
                    evictCache(step);
                    String next = "select " + step.childId() + " as sd_id from " + child.table() + " where " + ofParents;
                    levels.add(next(parents, step, next, new Binds()));
                }
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

    private String readable(String ids, boolean readsUpdatedTable) {
        if (!readsUpdatedTable || "?".equals(ids)) {
            return ids;
        }
        String alias = "sd" + (++aliases);
        // DISTINCT keeps MariaDB and MySQL from merging the derived table back into the UPDATE
        String materialised = ids.startsWith("select distinct ") ? ids : "select distinct " + ids.substring("select ".length());
        return "select " + alias + ".sd_id from (" + materialised + ") " + alias;
    }

    /**
     * The root row is of its own class; a deeper level holds rows of the association's type and of
     * its subclasses, whose own associations cascade as well.
     */
    private List<CascadeStep> stepsFrom(Level parents) {
        return parents.depth() == 0 && "?".equals(parents.ids())
                ? service.cascadePlans().of(parents.type(), service).steps()
                : service.cascadePlans().stepsFromRowsOf(parents.type(), service);
    }

    private Level rootLevel(EntityPersister root, Object rootId) {
        return new Level(root, "?", new Binds().add(root.getIdentifierMapping(), rootId, session), Set.of(), 0);
    }

    private Level next(Level parents, CascadeStep step, String ids, Binds leadingBinds) {
        if (parents.depth() + 1 > MAX_DEPTH) {
            throw new IllegalStateException("softdelete: the REMOVE cascade from " + parents.type().getEntityName()
                    + " through " + step.owner().getEntityName() + "#" + step.attribute() + " is deeper than "
                    + MAX_DEPTH + " levels; check the association graph for a cycle of live rows");
        }
        Set<String> tables = new HashSet<>(parents.tables());
        tables.add(step.linkTable());
        tables.add(step.childColumns().table());
        return new Level(step.child(), ids, leadingBinds.addAll(parents.binds()), tables, parents.depth() + 1);
    }

    private void evictCache(CascadeStep step) {
        CacheCleanup.afterWriting(session, step.child());
    }
}
