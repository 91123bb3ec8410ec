package dev.softdelete.hibernate.internal.erase;

import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what an erase takes with it: the root row and every row its REMOVE cascades reach, deleted
 * or not, level by level. Each level is locked ({@code for update}) before its children are looked
 * up, so a child inserted meanwhile waits on its foreign key check and then fails, instead of being
 * left behind unseen. A row reached twice (a self-referencing tree, a shared child) is taken once,
 * which also ends a walk over a cycle.
 */
final class EraseWalk {

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final String writeLock;
    private final Map<String, Set<Object>> reached = new HashMap<>();
    private EntityPersister rowByRowType;

    EraseWalk(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
        this.writeLock = session.getJdbcServices().getDialect().getForUpdateString();
    }

    /** The tree of rows to erase, the root row locked and read back; null when there is no such row. */
    EraseLevel walk(EntityPersister type, Object id) {
        List<Object> root = lock(type, List.of(id));
        if (root.isEmpty()) {
            return null;
        }
        markReached(type, root);
        EraseLevel top = new EraseLevel(type, root, null);
        Deque<EraseLevel> pending = new ArrayDeque<>(List.of(top));
        while (!pending.isEmpty()) {
            EraseLevel parents = pending.poll();
            checkSetBased(parents.type());
            for (CascadeStep step : service.cascadePlans().stepsFromRowsOf(parents.type())) {
                List<Object> found = new ArrayList<>();
                for (Object childId : childIds(step, parents)) {
                    if (childId != null && reached(step.child()).add(childId)) {
                        found.add(childId);
                    }
                }
                List<Object> locked = lock(step.child(), found);
                if (!locked.isEmpty()) {
                    EraseLevel children = new EraseLevel(step.child(), locked, step);
                    parents.children().add(children);
                    pending.add(children);
                }
            }
        }
        return top;
    }

    /**
     * A type reached whose REMOVE cascade cannot be followed in SQL (a composite key, a cascade to a
     * hard entity that Hibernate must run): the erase is left to Hibernate's row-by-row cascade.
     */
    EntityPersister rowByRowType() {
        return rowByRowType;
    }

    private void checkSetBased(EntityPersister type) {
        if (rowByRowType == null && !service.cascadePlans().of(type).setBased()) {
            rowByRowType = type;
        }
        for (String subclass : type.getSubclassEntityNames()) {
            EntityPersister sub = type.getFactory().getMappingMetamodel().getEntityDescriptor(subclass);
            if (rowByRowType == null && !service.cascadePlans().of(sub).setBased()) {
                rowByRowType = sub;
            }
        }
    }

    private List<Object> childIds(CascadeStep step, EraseLevel parents) {
        List<Object> ids = new ArrayList<>();
        for (List<Object> chunk : IdChunks.of(parents.ids())) {
            ids.addAll(Mutations.selectColumn(session, step.childIdsOfType(IdChunks.placeholders(chunk)),
                    IdChunks.binds(chunk, parents.type().getIdentifierMapping(), session),
                    step.child().getIdentifierMapping().getSingleJdbcMapping()));
        }
        return ids;
    }

    private List<Object> lock(EntityPersister type, List<Object> ids) {
        List<Object> locked = new ArrayList<>();
        for (EntityTables.Table table : rowTables(type)) {
            for (List<Object> chunk : IdChunks.of(ids)) {
                locked.addAll(Mutations.selectColumn(session,
                        "select " + table.keyColumn() + " from " + table.name() + " where " + table.keyColumn()
                                + " in (" + IdChunks.placeholders(chunk) + ")" + writeLock,
                        IdChunks.binds(chunk, type.getIdentifierMapping(), session),
                        type.getIdentifierMapping().getSingleJdbcMapping()));
            }
        }
        return locked;
    }

    /**
     * The table(s) holding one row per entity of the type: the root table (where the marker is), or,
     * TABLE_PER_CLASS, the table of each concrete class.
     */
    private List<EntityTables.Table> rowTables(EntityPersister type) {
        if (type instanceof UnionSubclassEntityPersister) {
            return EntityTables.of(type);
        }
        SoftDeletableType softDeletable = service.typeOf(type.getEntityName());
        String table = softDeletable != null ? MarkerColumns.of(type, softDeletable).table()
                : type.getIdentifierTableDetails().getTableName();
        return List.of(new EntityTables.Table(table, MarkerColumns.idColumnIn(type, table), 0));
    }

    private void markReached(EntityPersister type, List<Object> ids) {
        reached(type).addAll(ids);
    }

    private Set<Object> reached(EntityPersister type) {
        return reached.computeIfAbsent(type.getRootEntityName(), name -> new HashSet<>());
    }

    /** The ids reached of each root entity, for telling which referencing rows go as well. */
    Map<String, Set<Object>> reachedByRootEntity() {
        return reached;
    }
}
