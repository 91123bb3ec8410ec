package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.DetachStep;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Brings the managed instances whose foreign key a DETACH (or its restore) changed in line with their
 * rows, in the instance and in its loaded state. Without this, the next full UPDATE of a detached
 * instance loaded before the delete would write the old key back, and one loaded while detached
 * would unlink it again after a restore.
 */
final class ManagedKeys {

    private static final int IDS_PER_QUERY = 500;

    private ManagedKeys() {
    }

    static void detached(SharedSessionContractImplementor session, DetachStep step) {
        List<EntityEntry> linked = managed(session, step, true);
        for (Map.Entry<EntityEntry, Object> row : keysOf(session, step, linked).entrySet()) {
            if (row.getValue() == null) {
                set(session, row.getKey(), step, null);
            }
        }
    }

    static void reattached(SharedSessionContractImplementor session, DetachStep step) {
        List<EntityEntry> unlinked = managed(session, step, false);
        for (Map.Entry<EntityEntry, Object> row : keysOf(session, step, unlinked).entrySet()) {
            if (row.getValue() != null && session instanceof Session reading) {
                String target = ToOneAssociation.of(attribute(row.getKey(), step)).target().getEntityName();
                set(session, row.getKey(), step, reading.getReference(target, row.getValue()));
            }
        }
    }

    /** The managed instances of the step's child type whose key attribute is set ({@code linked}) or not. */
    private static List<EntityEntry> managed(SharedSessionContractImplementor session, DetachStep step, boolean linked) {
        List<EntityEntry> entries = new ArrayList<>();
        if (session.isStateless()) {
            return entries;
        }
        for (Map.Entry<Object, EntityEntry> managed : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            EntityEntry entry = managed.getValue();
            if (entry.getStatus() == Status.MANAGED && step.child().isSubclassEntityName(entry.getEntityName())
                    && (attribute(entry, step).getValue(managed.getKey()) != null) == linked) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The foreign key of each instance's row, as the table holds it now: one query per 500 instances. */
    private static Map<EntityEntry, Object> keysOf(SharedSessionContractImplementor session, DetachStep step,
            List<EntityEntry> entries) {
        Map<EntityEntry, Object> keys = new HashMap<>();
        JdbcMapping idType = step.child().getIdentifierMapping().getSingleJdbcMapping();
        JdbcMapping keyType = step.owner().getIdentifierMapping().getSingleJdbcMapping();
        for (int from = 0; from < entries.size(); from += IDS_PER_QUERY) {
            List<EntityEntry> chunk = entries.subList(from, Math.min(entries.size(), from + IDS_PER_QUERY));
            StringJoiner ids = new StringJoiner(", ", "(", ")");
            Binds binds = new Binds();
            Map<Object, EntityEntry> byId = new HashMap<>();
            for (EntityEntry entry : chunk) {
                ids.add("?");
                binds.add(step.child().getIdentifierMapping(), entry.getId(), session);
                byId.put(entry.getId(), entry);
            }
            String sql = "select " + step.childId() + ", " + step.keyColumn() + " from " + step.table() + " where "
                    + step.childId() + " in " + ids;
            for (Object[] row : Mutations.selectRows(session, sql, binds, idType, keyType)) {
                keys.put(byId.get(row[0]), row[1]);
            }
        }
        return keys;
    }

    private static AttributeMapping attribute(EntityEntry entry, DetachStep step) {
        return entry.getPersister().findAttributeMapping(step.keyAttribute());
    }

    private static void set(SharedSessionContractImplementor session, EntityEntry entry, DetachStep step, Object value) {
        AttributeMapping attribute = attribute(entry, step);
        Object entity = session.getPersistenceContextInternal().getEntity(entry.getEntityKey());
        attribute.setValue(entity, value);
        Object[] loadedState = entry.getLoadedState();
        if (loadedState != null) {
            // the loaded state is what the next dirty check compares with: it must agree with the row
            loadedState[attribute.getStateArrayPosition()] = value;
        }
    }
}
