package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.DeleteOperations;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Checks, before a restore changes anything, that no row it would bring back (the row itself, and
 * the children its delete cascaded to, found as {@code CascadeRunner} finds them) shares a unique key
 * with a live row. The key values are compared in SQL, joining the table to itself: no value leaves
 * the database, and NULLs never match, as in a unique constraint.
 */
public final class RestoreConflicts {

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final Dialect dialect;
    // several roots: rows restored together may share a key with each other, not only with live rows
    private boolean among;
    private boolean sharedAmongRestored;

    private RestoreConflicts(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        this.dialect = session.getJdbcServices().getDialect();
    }

    /** Throws {@link RestoreConflictException} if restoring the row that {@code deletion} marked would. */
    public static void check(SharedSessionContractImplementor session, SoftDeleteService service,
            EntityPersister persister, Object id, DeletionKey deletion) {
        Binds rootBinds = new Binds().add(persister.getIdentifierMapping(), id, session);
        new RestoreConflicts(session, service).checkTree(Level.root(persister, rootBinds),
                MarkerColumns.idRestriction(persister), deletion);
    }

    /**
     * Throws {@link RestoreConflictException} if restoring the roots (of a single-column id), and what
     * the operations marked below them, would give a restored row the key of a live row.
     *
     * @return false when two of the rows to restore share a key with each other: restored one at a
     *         time, the second would be refused, which the caller leaves to that path
     */
    public static boolean checkAll(SharedSessionContractImplementor session, SoftDeleteService service, Level roots,
            DeleteOperations deletion) {
        RestoreConflicts conflicts = new RestoreConflicts(session, service);
        // rows of one delete were live together before it, so only rows of several roots can share a key
        conflicts.among = !"?".equals(roots.ids());
        conflicts.checkTree(roots, MarkerColumns.idColumn(roots.type()) + " in (" + roots.ids() + ")", deletion);
        return !conflicts.sharedAmongRestored;
    }

    private void checkTree(Level roots, String rootRows, DeletedBy deletion) {
        EntityPersister root = roots.type();
        Map<EntityPersister, Boolean> keyed = new HashMap<>();
        if (!reachesKeys(root, keyed)) {
            return; // nothing the restore could bring back has a unique key: no statement at all
        }
        checkRows(root, rootRows, roots.binds(), null);
        LevelWalk.walk(session, service, roots, (step, parents) -> {
            if (!reachesKeys(step.child(), keyed)) {
                return null;
            }
            MarkerColumns child = step.childColumns();
            // the rows CascadeRunner would restore: children marked by the root's delete operation
            String restored = deletion.condition(child) + " and " + step.childrenOf(parents.ids());
            Binds binds = deletion.bind(new Binds(), child, session).addAll(parents.binds());
            return checkRows(step.child(), restored, binds, child)
                    ? new Next(step.childIdsOfType(parents.ids()), new Binds()) : null;
        });
    }

    /**
     * Whether the type, or a type its REMOVE cascades reach, has a unique key to check. Most graphs
     * have none, and then walking them would only cost statements.
     */
    private boolean reachesKeys(EntityPersister type, Map<EntityPersister, Boolean> known) {
        return known.computeIfAbsent(type, start -> {
            Set<EntityPersister> seen = new HashSet<>();
            Deque<EntityPersister> pending = new ArrayDeque<>(List.of(start));
            while (!pending.isEmpty()) {
                EntityPersister next = pending.poll();
                if (seen.add(next)) {
                    if (!service.uniqueKeys().of(next.getEntityName()).isEmpty()) {
                        return true;
                    }
                    service.cascadePlans().stepsFromRowsOf(next).forEach(step -> pending.add(step.child()));
                }
            }
            return false;
        });
    }

    /**
     * Checks the rows of one type that {@code restoredRows} (a condition on the unaliased table)
     * selects; returns whether there are any, so the walk knows whether to go deeper.
     */
    private boolean checkRows(EntityPersister type, String restoredRows, Binds binds, MarkerColumns known) {
        SoftDeletableType softDeletable = service.typeOf(type.getEntityName());
        MarkerColumns columns = known != null ? known : MarkerColumns.of(type, softDeletable);
        String table = columns.table();
        String id = idColumn(type);
        JdbcMapping idMapping = type.getIdentifierMapping().getJdbcMapping(0);
        if (known != null && Mutations.selectColumn(session, "select " + id + " from " + table + " where "
                + restoredRows, binds, idMapping).isEmpty()) {
            return false;
        }
        for (LiveUniqueKey key : service.uniqueKeys().of(type.getEntityName())) {
            String pairs = pairs(key, table, id, columns.marker().getSelectionExpression(), restoredRows);
            List<Object> restoredIds = Mutations.selectColumn(session, "select d." + id + pairs, binds, idMapping);
            if (!restoredIds.isEmpty()) {
                Object liveId = Mutations.selectColumn(session, "select l." + id + pairs, binds, idMapping).get(0);
                throw new RestoreConflictException(type.getEntityName(), key.name(), key.columnNames(),
                        restoredIds.get(0), liveId);
            }
            if (among && !sharedAmongRestored) {
                String shared = " from " + table + " d join " + table + " e on " + sameKey(key, "d", "e") + " where d."
                        + id + " <> e." + id + " and d." + id + " in (select " + id + " from " + table + " where "
                        + restoredRows + ") and e." + id + " in (select " + id + " from " + table + " where "
                        + restoredRows + ")";
                sharedAmongRestored = !Mutations.selectColumn(session, "select d." + id + shared,
                        new Binds().addAll(binds).addAll(binds), idMapping).isEmpty();
            }
        }
        return true;
    }

    /** {@code from ...}: pairs of a restored row {@code d} and a live row {@code l} with equal key values. */
    private String pairs(LiveUniqueKey key, String table, String id, String marker, String restoredRows) {
        return " from " + table + " l join " + table + " d on " + sameKey(key, "l", "d") + " where l." + marker + " is null and d."
                + id + " in (select " + id + " from " + table + " where " + restoredRows + ") order by d." + id;
    }

    /** The key's columns of two aliases of its table equal, column by column; NULLs never match. */
    private String sameKey(LiveUniqueKey key, String left, String right) {
        StringJoiner sameKey = new StringJoiner(" and ");
        key.columns().forEach(column -> sameKey.add(left + "." + column.render(dialect) + " = " + right + "."
                + column.render(dialect)));
        return sameKey.toString();
    }

    /** The id column; a composite id is compared on its first column only, which is enough to find a row. */
    private static String idColumn(EntityPersister type) {
        return type.getIdentifierTableDetails().getKeyDetails().getKeyColumn(0).getColumnName();
    }
}
