package dev.softdelete.hibernate.internal.compat;

import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.SoftLock;
import org.hibernate.cache.spi.entry.CacheEntry;
import org.hibernate.cache.spi.entry.StructuredCacheEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.Map;

/**
 * The second-level cache region of a soft-deletable entity, holding live rows only. A deleted row is
 * read legitimately (an admin scope, a reference to it initialised), and Hibernate would cache it like
 * any other; then reads that consult the cache without the library's restriction (a StatelessSession's
 * {@code get}, a multi-id load) would serve it. Refusing the put keeps every cache hit live; a deleted
 * row is read from the database, where the restriction applies. Everything else is the provider's own.
 */
final class LiveRowsCache extends ForwardingDataAccess<EntityDataAccess> implements EntityDataAccess {

    private LiveRowsCache(EntityDataAccess delegate) {
        super(delegate);
    }

    static EntityDataAccess wrap(EntityDataAccess cache) {
        return cache == null ? null : new LiveRowsCache(cache);
    }

    private static boolean isDeletedRow(SharedSessionContractImplementor session, Object value) {
        if (value instanceof CacheEntry entry && !entry.isReferenceEntry()) {
            return hooks(session).isDeleted(entry.getSubclass(), entry.getDisassembledState(), session);
        }
        // hibernate.cache.use_structured_entries: property name -> disassembled value
        if (value instanceof Map<?, ?> structured
                && structured.get(StructuredCacheEntry.SUBCLASS_KEY) instanceof String entityName) {
            return hooks(session).isDeleted(entityName, structuredState(session, entityName, structured), session);
        }
        return false;
    }

    private static ReadHooks hooks(SharedSessionContractImplementor session) {
        return session.getFactory().getServiceRegistry().requireService(ReadHooks.class);
    }

    private static Object[] structuredState(SharedSessionContractImplementor session, String entityName,
            Map<?, ?> structured) {
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName);
        String[] names = persister.getPropertyNames();
        Object[] state = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            state[i] = structured.get(names[i]);
        }
        return state;
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version) {
        return !isDeletedRow(session, value) && delegate.putFromLoad(session, key, value, version);
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version,
            boolean minimalPutOverride) {
        return !isDeletedRow(session, value) && delegate.putFromLoad(session, key, value, version, minimalPutOverride);
    }

    @Override
    public Object generateCacheKey(Object id, EntityPersister rootEntityDescriptor, SessionFactoryImplementor factory,
            String tenantIdentifier) {
        return delegate.generateCacheKey(id, rootEntityDescriptor, factory, tenantIdentifier);
    }

    @Override
    public Object getCacheKeyId(Object cacheKey) {
        return delegate.getCacheKeyId(cacheKey);
    }

    @Override
    public boolean insert(SharedSessionContractImplementor session, Object key, Object value, Object version) {
        return delegate.insert(session, key, value, version);
    }

    @Override
    public boolean afterInsert(SharedSessionContractImplementor session, Object key, Object value, Object version) {
        return delegate.afterInsert(session, key, value, version);
    }

    @Override
    public boolean update(SharedSessionContractImplementor session, Object key, Object value, Object currentVersion,
            Object previousVersion) {
        return delegate.update(session, key, value, currentVersion, previousVersion);
    }

    @Override
    public boolean afterUpdate(SharedSessionContractImplementor session, Object key, Object value,
            Object currentVersion, Object previousVersion, SoftLock lock) {
        return delegate.afterUpdate(session, key, value, currentVersion, previousVersion, lock);
    }
}
