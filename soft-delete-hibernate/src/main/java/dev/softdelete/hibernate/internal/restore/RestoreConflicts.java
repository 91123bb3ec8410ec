package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
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

    private RestoreConflicts(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        this.dialect = session.getJdbcServices().getDialect();
    }

    /** Throws {@link RestoreConflictException} if restoring the row that {@code deletion} marked would. */
    public static void check(SharedSessionContractImplementor session, SoftDeleteService service,
            EntityPersister persister, Object id, DeletionKey deletion) {
        new RestoreConflicts(session, service).checkTree(persister, id, deletion);
    }

    private void checkTree(EntityPersister root, Object rootId, DeletionKey deletion) {
        Map<EntityPersister, Boolean> keyed = new HashMap<>();
        if (!reachesKeys(root, keyed)) {
            return; // nothing the restore could bring back has a unique key: no statement at all
        }
        Binds rootBinds = new Binds().add(root.getIdentifierMapping(), rootId, session);
        checkRows(root, MarkerColumns.idRestriction(root), rootBinds, null);
        LevelWalk.walk(service, new Level(root, "?", rootBinds, Set.of(), 0), (step, parents) -> {
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
        }
        return true;
    }

    /** {@code from ...}: pairs of a restored row {@code d} and a live row {@code l} with equal key values. */
    private String pairs(LiveUniqueKey key, String table, String id, String marker, String restoredRows) {
        StringJoiner sameKey = new StringJoiner(" and ");
        key.columns().forEach(column -> sameKey.add("l." + column.render(dialect) + " = d." + column.render(dialect)));
        return " from " + table + " l join " + table + " d on " + sameKey + " where l." + marker + " is null and d."
                + id + " in (select " + id + " from " + table + " where " + restoredRows + ") order by d." + id;
    }

    /** The id column; a composite id is compared on its first column only, which is enough to find a row. */
    private static String idColumn(EntityPersister type) {
        return type.getIdentifierTableDetails().getKeyDetails().getKeyColumn(0).getColumnName();
    }
}
