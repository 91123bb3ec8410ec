package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Brings the instances that a set-based cascade changed, and that the session already manages, in
 * line with their rows: the marker, actor, reason and version in the instance and in its loaded state. Without
 * this, a child loaded before the cascade and modified afterwards would write {@code deleted_at = null}
 * back with its next update, and come back to life.
 */
final class ManagedChildren {

    private static final int IDS_PER_QUERY = 500;

    private ManagedChildren() {
    }

    static void markDeleted(SharedSessionContractImplementor session, CascadeStep step, Object marker,
            DeleteRequest request, VersionBump versions) {
        List<EntityEntry> live = managed(session, step, Objects::isNull);
        if (live.isEmpty()) {
            return;
        }
        Set<Object> marked = markedAmong(session, step, marker, live);
        MarkerColumns columns = step.childColumns();
        for (EntityEntry entry : live) {
            if (marked.contains(entry.getId())) {
                Object entity = session.getPersistenceContextInternal().getEntity(entry.getEntityKey());
                set(entry, entity, columns.marker(), marker);
                set(entry, entity, columns.actor(), request.actor());
                set(entry, entity, columns.reason(), request.reason());
                versions.applyTo(entry, entity, session);
            }
        }
    }

    static void markRestored(SharedSessionContractImplementor session, CascadeStep step,
            Predicate<Object> markerOfRestored, VersionBump versions) {
        List<EntityEntry> deleted = managed(session, step, markerOfRestored);
        if (deleted.isEmpty()) {
            return;
        }
        // another tree deleted in the same tick has instances with the same marker: only the restored ones change
        Set<Object> restored = markedAmong(session, step, null, deleted);
        MarkerColumns columns = step.childColumns();
        for (EntityEntry entry : deleted) {
            if (restored.contains(entry.getId())) {
                Object entity = session.getPersistenceContextInternal().getEntity(entry.getEntityKey());
                set(entry, entity, columns.marker(), null);
                set(entry, entity, columns.actor(), null);
                set(entry, entity, columns.reason(), null);
                versions.applyTo(entry, entity, session);
            }
        }
    }

    /** The managed instances of the step's child type whose marker passes the test. */
    private static List<EntityEntry> managed(SharedSessionContractImplementor session, CascadeStep step,
            Predicate<Object> markerTest) {
        List<EntityEntry> entries = new ArrayList<>();
        if (session.isStateless()) {
            return entries;
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        for (Map.Entry<Object, EntityEntry> managed : context.reentrantSafeEntityEntries()) {
            EntityEntry entry = managed.getValue();
            if (entry.getStatus() == Status.MANAGED && step.child().isSubclassEntityName(entry.getEntityName())) {
                Object marker = attribute(entry, step.childColumns().marker()).getValue(managed.getKey());
                if (markerTest.test(marker)) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** Which of the given instances' rows carry the marker (none if it is null): one query per 500 instances. */
    private static Set<Object> markedAmong(SharedSessionContractImplementor session, CascadeStep step, Object marker,
            List<EntityEntry> entries) {
        MarkerColumns columns = step.childColumns();
        Set<Object> marked = new HashSet<>();
        for (int from = 0; from < entries.size(); from += IDS_PER_QUERY) {
            List<EntityEntry> chunk = entries.subList(from, Math.min(entries.size(), from + IDS_PER_QUERY));
            StringJoiner ids = new StringJoiner(", ", "(", ")");
            Binds binds = marker == null ? new Binds() : new Binds().add(columns.marker(), marker, session);
            for (EntityEntry entry : chunk) {
                ids.add("?");
                binds.add(step.child().getIdentifierMapping(), entry.getId(), session);
            }
            String sql = "select " + step.childId() + " from " + columns.table() + " where "
                    + columns.marker().getSelectionExpression() + (marker == null ? " is null" : " = ?") + " and "
                    + step.childId() + " in " + ids;
            marked.addAll(Mutations.selectColumn(session, sql, binds,
                    step.child().getIdentifierMapping().getSingleJdbcMapping()));
        }
        return marked;
    }

    private static AttributeMapping attribute(EntityEntry entry, BasicValuedModelPart part) {
        return entry.getPersister().findAttributeMapping(part.asAttributeMapping().getAttributeName());
    }

    private static void set(EntityEntry entry, Object entity, BasicValuedModelPart part, Object value) {
        if (part == null) {
            return;
        }
        AttributeMapping attribute = attribute(entry, part);
        attribute.setValue(entity, value);
        Object[] loadedState = entry.getLoadedState();
        if (loadedState != null) {
            // the loaded state is what the next dirty check compares with: it must agree with the row
            loadedState[attribute.getStateArrayPosition()] = value;
        }
    }
}
