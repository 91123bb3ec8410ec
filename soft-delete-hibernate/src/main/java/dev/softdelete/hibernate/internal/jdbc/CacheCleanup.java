package dev.softdelete.hibernate.internal.jdbc;

import dev.softdelete.hibernate.internal.compat.BulkCleanup;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What Hibernate does after a bulk statement, for our own SQL: the entity's second-level cache region
 * is evicted and cached query results over its tables are invalidated (at once, and again when the
 * transaction completes). Nothing is done when neither cache is in use.
 */
public final class CacheCleanup {

    private CacheCleanup() {
    }

    public static void afterWriting(SharedSessionContractImplementor session, EntityPersister persister) {
        if (persister.canWriteToCache() || session.getFactory().getSessionFactoryOptions().isQueryCacheEnabled()) {
            BulkCleanup.schedule(session, persister);
        }
    }
}
