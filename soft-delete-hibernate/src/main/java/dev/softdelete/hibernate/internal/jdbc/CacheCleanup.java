package dev.softdelete.hibernate.internal.jdbc;

import dev.softdelete.hibernate.internal.compat.BulkCleanup;
import org.hibernate.cache.spi.TimestampsCache;
import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.cache.spi.access.SoftLock;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the second-level cache true to rows whose markers the library changed.
 * <p>
 * A cached collection holds the ids of the elements it loaded live; once an element is deleted or
 * restored, the collection must be read again. Hibernate does not evict collections when one of their
 * elements is deleted (its own delete removes the element too, and the stale id is skipped on load);
 * a soft-deleted element is still there, so the library evicts every cached collection whose key,
 * index or element is of the entity's hierarchy. Hibernate indexes those collections by the exact
 * entity name they name, so the whole hierarchy is asked, for a collection of the root type that
 * holds a subclass instance.
 */
public final class CacheCleanup {

    private CacheCleanup() {
    }

    /**
     * After our own statements changed many rows: what Hibernate does after a bulk statement (the
     * entity's region evicted, cached query results over its tables invalidated, now and again when
     * the transaction completes; for a stateless session, see below) and the collections above.
     */
    public static void afterWriting(SharedSessionContractImplementor session, EntityPersister persister) {
        if (persister.canWriteToCache() || session.getFactory().getSessionFactoryOptions().isQueryCacheEnabled()) {
            BulkCleanup.schedule(session, persister);
        }
        invalidateQueriesOfStatelessWrite(session, persister);
        afterMarkerChange(session, persister);
    }

    /**
     * After a write through a {@code StatelessSession}: cached query results over the entity's tables
     * invalidated now and again when the transaction completes, as a stateful session's action queue
     * does for its own statements. Hibernate does it for neither its stateless writes nor ours, so a
     * cached query would go on returning a row that a stateless delete marked or a purge removed.
     */
    public static void invalidateQueriesOfStatelessWrite(SharedSessionContractImplementor session,
            EntityPersister persister) {
        if (session.isEventSource() || !session.getFactory().getSessionFactoryOptions().isQueryCacheEnabled()) {
            return;
        }
        String[] spaces = querySpaces(persister);
        TimestampsCache timestamps = session.getFactory().getCache().getTimestampsCache();
        timestamps.preInvalidate(spaces, session);
        session.getTransactionCompletionCallbacks().registerCallback(
                (AfterCompletionCallback) (success, completing) -> timestamps.invalidate(spaces, completing));
    }

    private static String[] querySpaces(EntityPersister persister) {
        Set<String> spaces = new LinkedHashSet<>();
        for (Serializable space : persister.getQuerySpaces()) {
            spaces.add((String) space);
        }
        return spaces.toArray(String[]::new);
    }

    /**
     * After one row's marker changed through Hibernate's own delete action, which already takes care of
     * the entity's region and the query spaces: the collections above. Evicted now, so that this
     * transaction reads them again, and locked until it completes, as Hibernate locks regions for bulk
     * statements, so that another transaction cannot cache the rows as they were before it commits.
     */
    public static void afterMarkerChange(SharedSessionContractImplementor session, EntityPersister persister) {
        if (!session.getFactory().getSessionFactoryOptions().isSecondLevelCacheEnabled()) {
            return;
        }
        MappingMetamodelImplementor metamodel = session.getFactory().getMappingMetamodel();
        for (String role : rolesOfHierarchy(persister, metamodel)) {
            CollectionPersister collection = metamodel.getCollectionDescriptor(role);
            if (collection.hasCache()) {
                evict(collection.getCacheAccessStrategy(), session);
            }
        }
    }

    private static Set<String> rolesOfHierarchy(EntityPersister persister, MappingMetamodelImplementor metamodel) {
        Set<String> roles = new LinkedHashSet<>();
        EntityMappingType root = persister.getRootEntityDescriptor();
        addRoles(root.getEntityName(), metamodel, roles);
        for (EntityMappingType subtype : root.getSubMappingTypes()) {
            addRoles(subtype.getEntityName(), metamodel, roles);
        }
        return roles;
    }

    private static void addRoles(String entityName, MappingMetamodelImplementor metamodel, Set<String> roles) {
        Set<String> participating = metamodel.getCollectionRolesByEntityParticipant(entityName);
        if (participating != null) {
            roles.addAll(participating);
        }
    }

    private static void evict(CollectionDataAccess access, SharedSessionContractImplementor session) {
        SoftLock lock = access.lockRegion();
        access.removeAll(session);
        if (session.isEventSource()) {
            session.asEventSource().getActionQueue().registerCallback(
                    (success, completed) -> access.unlockRegion(lock));
        }
        else {
            // a StatelessSession has no completion callbacks: released now, as Hibernate does for it
            access.unlockRegion(lock);
        }
    }
}
