package dev.softdelete.it.cache;

import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hibernate.cache.use_structured_entries}, entity cache entries are maps of attribute
 * names; a deleted row is kept out of them too, and a live one still cached.
 */
class StructuredEntriesTest {

    @RegisterExtension
    static final TestSessionFactory db = CachedModel.factory().with(AvailableSettings.USE_STRUCTURED_CACHE, true);

    private static long puts() {
        return db.sessionFactory().getStatistics().getEntityStatistics(CacheOrder.class.getName()).getCachePutCount();
    }

    @Test
    void aDeletedRowIsNotCachedAndALiveOneIs() {
        db.sessionFactory().getCache().evictAllRegions();
        CachedModel model = CachedModel.persist(db);
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));

        db.sessionFactory().getCache().evictAllRegions();
        long puts = puts();

        db.inTransaction(s -> Hibernate.initialize(s.getReference(CacheOrder.class, model.firstId)));
        assertThat(puts()).as("cache puts after loading the deleted order").isEqualTo(puts);
        db.inTransaction(s -> Hibernate.initialize(s.getReference(CacheOrder.class, model.secondId)));
        assertThat(puts()).as("cache puts after loading the live order").isEqualTo(puts + 1);
        try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
            CacheOrder deleted = stateless.get(CacheOrder.class, model.firstId);
            assertThat(deleted).isNull();
        }
    }
}
