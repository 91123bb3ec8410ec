package dev.softdelete.hibernate.internal.compat;

import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;

/**
 * The second-level cache region of a collection of soft-deletable entities, which holds the default
 * visibility's contents only: an admin scope neither reads it nor fills it. Hibernate skips collection
 * caches by itself only while a filter is enabled, and admin scopes enable none (see
 * {@code VisibilityLoaders}): a collection read in {@code unfiltered()} and cached would serve its
 * deleted elements to every session. Everything else is the provider's own.
 */
final class VisibleCollectionCache extends ForwardingDataAccess<CollectionDataAccess> implements CollectionDataAccess {

    private VisibleCollectionCache(CollectionDataAccess delegate) {
        super(delegate);
    }

    static CollectionDataAccess wrap(CollectionDataAccess cache) {
        return cache == null ? null : new VisibleCollectionCache(cache);
    }

    @Override
    public Object get(SharedSessionContractImplementor session, Object key) {
        return VisibilityLoaders.inAdminScope(session) ? null : delegate.get(session, key);
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version) {
        return !VisibilityLoaders.inAdminScope(session) && delegate.putFromLoad(session, key, value, version);
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version,
            boolean minimalPutOverride) {
        return !VisibilityLoaders.inAdminScope(session) && delegate.putFromLoad(session, key, value, version, minimalPutOverride);
    }

    @Override
    public Object generateCacheKey(Object id, CollectionPersister collectionDescriptor, SessionFactoryImplementor factory,
            String tenantIdentifier) {
        return delegate.generateCacheKey(id, collectionDescriptor, factory, tenantIdentifier);
    }

    @Override
    public Object getCacheKeyId(Object cacheKey) {
        return delegate.getCacheKeyId(cacheKey);
    }
}
