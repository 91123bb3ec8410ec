package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import java.time.Instant;
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
        LevelWalk.walk(service, root, (step, parents) -> {
            MarkerColumns child = step.childColumns();
            Object marker = child.markerValue(instant);
            String markerColumn = child.marker().getSelectionExpression();
            String ofParents = childrenOf(step, parents);
            ChildRows rows = childRows(step, parents, ofParents);
            StringBuilder sql = new StringBuilder("update ").append(rows.target()).append(" set ")
                    .append(MarkerAssignment.of(child));
            Binds binds = MarkerAssignment.bind(new Binds().addAll(rows.leadingBinds()), child, marker, request,
                    session);
            VersionBump versions = VersionBump.of(step.child(), session);
            versions.appendTo(sql, binds, session);
            sql.append(" where ").append(markerColumn).append(" is null").append(rows.condition());
            int marked = Mutations.executeUpdate(session, sql.toString(), binds.addAll(rows.trailingBinds()));
            LOG.tracef("cascade %s.%s marked %d rows", step.owner().getEntityName(), step.attribute(), marked);
            if (marked == 0) {
                return null;
            }
            ManagedChildren.markDeleted(session, step, marker, request, versions);
            evictCache(step);
            return new Next("select " + step.childId() + " as sd_id from " + child.table() + " where "
                    + child.operation() + " = ? and " + ofParents,
                    new Binds().add(child.operationType(), request.operation()));
        });
    }

    /** Restores the rows that the root's delete operation marked through its REMOVE cascades. */
    public void restore(EntityPersister root, Object rootId, DeletionKey deletion) {
        LevelWalk.walk(service, rootLevel(root, rootId), (step, parents) -> {
            MarkerColumns child = step.childColumns();
            String ofParents = childrenOf(step, parents);
            ChildRows children = childRows(step, parents, ofParents);
            StringBuilder sql = new StringBuilder("update ").append(children.target()).append(" set ")
                    .append(child.cleared());
            Binds binds = new Binds().addAll(children.leadingBinds());
            VersionBump versions = VersionBump.of(step.child(), session);
            versions.appendTo(sql, binds, session);
            sql.append(" where ").append(deletion.condition(child)).append(children.condition());
            deletion.bind(binds, child, session).addAll(children.trailingBinds());
            int rows = Mutations.executeUpdate(session, sql.toString(), binds);
            LOG.tracef("restore %s.%s restored %d rows", step.owner().getEntityName(), step.attribute(), rows);
            if (rows == 0) {
                return null;
            }
            ManagedChildren.markRestored(session, step, child.markerValue(deletion.instant()), versions);
            evictCache(step);
            return new Next("select " + step.childId() + " as sd_id from " + child.table() + " where " + ofParents,
                    new Binds());
        });
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
     * How an UPDATE of a level's children names them: {@code update child set ... where ... and
     * <ofParents>}, or, on MariaDB and MySQL, {@code update child join (<parent ids>) on ...}. Their
     * single-table UPDATE evaluates an {@code in (subquery)} row by row over a scan of the whole child
     * table (semi-joins are not used for it before MariaDB 11.1 and MySQL 8.0.21), which locks every
     * row of that table and reads the parents after the children, against the parents-first order every
     * other cascade and restore keeps: concurrent cascades deadlock. The join reads the parents' ids
     * first and reaches the children through the foreign key's index.
     *
     * @param target        what follows {@code update}
     * @param condition     what follows the statement's own WHERE condition ({@code " and ..."} or nothing)
     * @param leadingBinds  the parameters of the target, bound before the SET clause's
     * @param trailingBinds the parameters of the condition, bound after the WHERE clause's own
     */
    private record ChildRows(String target, String condition, Binds leadingBinds, Binds trailingBinds) {
    }

    private ChildRows childRows(CascadeStep step, Level parents, String ofParents) {
        String table = step.childColumns().table();
        if ("?".equals(parents.ids()) || !(session.getJdbcServices().getDialect() instanceof MySQLDialect)) {
            return new ChildRows(table, " and " + ofParents, new Binds(), parents.binds());
        }
        String column = step.direct() ? step.parentColumn() : step.childId();
        String ids = step.direct() ? parents.ids() : step.childIds(parents.ids());
        String target = table + " join (" + distinct(ids) + ") sd_parents on " + table + "." + column
                + " = sd_parents.sd_id";
        return new ChildRows(target, step.direct() ? step.ofChildType() : "", parents.binds(), new Binds());
    }

    private static String distinct(String ids) {
        return ids.startsWith("select distinct ") ? ids : "select distinct " + ids.substring("select ".length());
    }

    private String readable(String ids, boolean readsUpdatedTable) {
        if (!readsUpdatedTable || "?".equals(ids)) {
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
