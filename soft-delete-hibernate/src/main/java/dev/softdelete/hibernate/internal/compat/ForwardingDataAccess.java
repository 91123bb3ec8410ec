package dev.softdelete.hibernate.internal.compat;

import org.hibernate.cache.spi.DomainDataRegion;
import org.hibernate.cache.spi.access.AccessType;
import org.hibernate.cache.spi.access.CachedDomainDataAccess;
import org.hibernate.cache.spi.access.SoftLock;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A cache region's access that hands every call to the provider's own; the library's wrappers
 * ({@link LiveRowsCache}, {@link VisibleCollectionCache}) override the reads and puts they guard.
 *
 * @param <A> the provider's access type
 */
abstract class ForwardingDataAccess<A extends CachedDomainDataAccess> implements CachedDomainDataAccess {

    protected final A delegate;

    protected ForwardingDataAccess(A delegate) {
        this.delegate = delegate;
    }

    @Override
    public DomainDataRegion getRegion() {
        return delegate.getRegion();
    }

    @Override
    public AccessType getAccessType() {
        return delegate.getAccessType();
    }

    @Override
    public Object get(SharedSessionContractImplementor session, Object key) {
        return delegate.get(session, key);
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version) {
        return delegate.putFromLoad(session, key, value, version);
    }

    @Override
    public boolean putFromLoad(SharedSessionContractImplementor session, Object key, Object value, Object version,
            boolean minimalPutOverride) {
        return delegate.putFromLoad(session, key, value, version, minimalPutOverride);
    }

    @Override
    public SoftLock lockItem(SharedSessionContractImplementor session, Object key, Object version) {
        return delegate.lockItem(session, key, version);
    }

    @Override
    public void unlockItem(SharedSessionContractImplementor session, Object key, SoftLock lock) {
        delegate.unlockItem(session, key, lock);
    }

    @Override
    public void remove(SharedSessionContractImplementor session, Object key) {
        delegate.remove(session, key);
    }

    @Override
    public void removeAll(SharedSessionContractImplementor session) {
        delegate.removeAll(session);
    }

    @Override
    public boolean contains(Object key) {
        return delegate.contains(key);
    }

    @Override
    public SoftLock lockRegion() {
        return delegate.lockRegion();
    }

    @Override
    public void unlockRegion(SoftLock lock) {
        delegate.unlockRegion(lock);
    }

    @Override
    public void evict(Object key) {
        delegate.evict(key);
    }

    @Override
    public void evictAll() {
        delegate.evictAll();
    }
}
