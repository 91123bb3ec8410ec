package dev.softdelete.it.cache;

import dev.softdelete.it.model.CacheLabel;
import dev.softdelete.it.model.CacheLine;
import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.model.CacheShop;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.cfg.AvailableSettings;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SessionFactory with a real second-level cache (Ehcache through JCache), entity, collection,
 * natural-id and query caches on, and one shop with two orders, each with two lines and a label.
 */
final class CachedModel {

    static final String FIRST = "o-1";
    static final String SECOND = "o-2";

    final Long shopId;
    final Long firstId;
    final Long secondId;
    final Long labelId;

    private CachedModel(Long shopId, Long firstId, Long secondId, Long labelId) {
        this.shopId = shopId;
        this.firstId = firstId;
        this.secondId = secondId;
        this.labelId = labelId;
    }

    static TestSessionFactory factory() {
        return TestSessionFactory.of(CacheShop.class, CacheOrder.class, CacheLine.class, CacheLabel.class)
                .with(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                .with(AvailableSettings.USE_QUERY_CACHE, true)
                .with(AvailableSettings.CACHE_REGION_FACTORY, "jcache")
                .with("hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider")
                .with("hibernate.javax.cache.missing_cache_strategy", "create")
                .with(AvailableSettings.GENERATE_STATISTICS, true);
    }

    /** Reads twice and proves the second read came from the query cache. */
    static <T> T fromQueryCache(TestSessionFactory db, Supplier<T> read) {
        read.get();
        long hits = db.sessionFactory().getStatistics().getQueryCacheHitCount();
        T result = read.get();
        assertThat(db.sessionFactory().getStatistics().getQueryCacheHitCount()).as("served from the query cache")
                .isGreaterThan(hits);
        return result;
    }

    /** Empties every cache region, then persists the model: each test starts from cold caches. */
    static CachedModel fresh(TestSessionFactory db) {
        db.sessionFactory().getCache().evictAllRegions();
        return persist(db);
    }

    static CachedModel persist(TestSessionFactory db) {
        return db.fromTransaction(s -> {
            CacheShop shop = new CacheShop("corner");
            s.persist(shop);
            CacheLabel label = new CacheLabel("urgent");
            s.persist(label);
            CacheOrder first = new CacheOrder(shop, FIRST);
            CacheOrder second = new CacheOrder(shop, SECOND);
            for (CacheOrder order : new CacheOrder[] {first, second}) {
                s.persist(order);
                order.getLabels().add(label);
                s.persist(new CacheLine(order, order.getNumber() + "-a"));
                s.persist(new CacheLine(order, order.getNumber() + "-b"));
            }
            return new CachedModel(shop.getId(), first.getId(), second.getId(), label.getId());
        });
    }
}
