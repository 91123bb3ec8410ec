package dev.softdelete.hibernate.internal.erase;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Erases a row and what its REMOVE cascades reach, deleted or not, with real DELETEs: the rows are
 * found and locked level by level ({@link EraseWalk}), every foreign key of the mapping that points
 * to them is checked (a row outside the erase that points to one of them refuses the erase before
 * anything is written), the link rows that point to them are deleted, then the rows themselves,
 * children before the rows they reference. One statement per table and level (per {@value
 * IdChunks#SIZE} rows), whatever the number of rows.
 */
public final class Eraser {

    /** What an erase did. */
    public enum Outcome {
        /** The row and what its cascade reaches are gone. */
        ERASED,
        /** No such row: nothing was written. */
        ABSENT,
        /**
         * Some type on the way cascades in a way SQL cannot follow; nothing was written, and the
         * caller erases through Hibernate's row-by-row cascade.
         */
        ROW_BY_ROW
    }

    private static final int NAMED_BLOCKERS = 10;

    private final SessionImplementor session;
    private final SoftDeleteService service;

    public Eraser(SessionImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    public Outcome erase(EntityPersister type, Object id) {
        EraseWalk walk = new EraseWalk(session, service);
        EraseLevel root = walk.walk(type, id);
        if (root == null) {
            return Outcome.ABSENT;
        }
        if (walk.rowByRowType() != null) {
            return Outcome.ROW_BY_ROW;
        }
        List<EraseLevel> levels = root.all();
        List<Reference> references = Reference.of(session.getFactory());
        refuseIfReferenced(type, id, levels, references, walk.reachedByRootEntity());
        for (EraseLevel level : levels) {
            deleteLinks(level, references);
        }
        for (EraseLevel level : root.deletionOrder()) {
            deleteRows(level);
        }
        forget(levels);
        recordHistory(type, id, root, levels);
        return Outcome.ERASED;
    }

    /** One entry for the erased row, and one per entity for what the erase reached with it. */
    private void recordHistory(EntityPersister type, Object id, EraseLevel root, List<EraseLevel> levels) {
        if (!service.history().enabled()) {
            return;
        }
        OperationHistory history = new OperationHistory(ThreadLocalRandom.current().nextLong(), service.now(),
                service.currentActor(), null).root(HistoryEntry.Kind.HARD_DELETE, type, id, 1);
        for (EraseLevel level : levels) {
            if (level != root) {
                history.reached(HistoryEntry.Kind.HARD_DELETE, level.type(), level.ids().size());
            }
        }
        HistoryLog.record(session, service, history.entries());
    }

    private void refuseIfReferenced(EntityPersister type, Object id, List<EraseLevel> levels,
            List<Reference> references, Map<String, Set<Object>> erased) {
        Set<String> blockers = new LinkedHashSet<>();
        for (EraseLevel level : levels) {
            for (Reference reference : references) {
                if (!reference.isLink() && reference.target().equals(level.type().getRootEntityName())) {
                    for (Object owner : referencingRows(level, reference)) {
                        if (!erased.getOrDefault(reference.owner().getRootEntityName(), Set.of()).contains(owner)) {
                            blockers.add(reference.owner().getEntityName() + "#" + owner + " (through "
                                    + reference.attribute() + ")");
                        }
                    }
                }
            }
        }
        if (!blockers.isEmpty()) {
            List<String> named = new ArrayList<>(blockers).subList(0, Math.min(NAMED_BLOCKERS, blockers.size()));
            throw new IllegalStateException("softdelete: cannot erase " + type.getEntityName() + "#" + id + ": "
                    + blockers.size() + " row(s) outside its REMOVE cascade still reference what it would erase: "
                    + String.join(", ", named) + (blockers.size() > named.size() ? ", ..." : "")
                    + ". Nothing was deleted. Erase or re-link those rows first, or cascade REMOVE through"
                    + " the association (or declare it @OnSoftDelete(CASCADE))");
        }
    }

    private List<Object> referencingRows(EraseLevel level, Reference reference) {
        List<Object> owners = new ArrayList<>();
        for (List<Object> chunk : IdChunks.of(level.ids())) {
            owners.addAll(Mutations.selectColumn(session, "select " + reference.ownerId() + " from "
                            + reference.table() + " where " + reference.column() + " in ("
                            + IdChunks.placeholders(chunk) + ")",
                    IdChunks.binds(chunk, level.type().getIdentifierMapping(), session),
                    reference.owner().getIdentifierMapping().getSingleJdbcMapping()));
        }
        return owners;
    }

    private void deleteLinks(EraseLevel level, List<Reference> references) {
        for (Reference reference : references) {
            if (reference.isLink() && reference.target().equals(level.type().getRootEntityName())) {
                deleteWhereIn(reference.table(), reference.column(), level);
            }
        }
    }

    private void deleteRows(EraseLevel level) {
        for (EntityTables.Table table : EntityTables.of(level.type())) {
            deleteWhereIn(table.name(), table.keyColumn(), level);
        }
        CacheCleanup.afterWriting(session, level.type());
    }

    private void deleteWhereIn(String table, String column, EraseLevel level) {
        for (List<Object> chunk : IdChunks.of(level.ids())) {
            Mutations.executeUpdate(session, "delete from " + table + " where " + column + " in ("
                    + IdChunks.placeholders(chunk) + ")", IdChunks.binds(chunk, level.type().getIdentifierMapping(), session));
        }
    }

    /** Instances of erased rows leave the persistence context, as after Hibernate's own delete. */
    private void forget(List<EraseLevel> levels) {
        PersistenceContext context = session.getPersistenceContextInternal();
        for (EraseLevel level : levels) {
            for (Object id : level.ids()) {
                EntityKey key = session.generateEntityKey(id, level.type());
                Object entity = context.getEntity(key);
                if (entity != null) {
                    session.detach(entity);
                }
                context.removeProxy(key);
            }
        }
    }
}
