package dev.softdelete.it.cache;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.it.model.CacheLabel;
import dev.softdelete.it.model.CacheLine;
import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.model.CacheShop;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached collections (Ehcache through JCache, READ_WRITE) never serve a row whose marker changed after
 * they were cached: every test first proves the collection is served from the cache, then changes a
 * marker in another session, then reads in a third.
 */
class CollectionCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = CachedModel.factory();

    private CachedModel model;

    @BeforeEach
    void persist() {
        model = CachedModel.fresh(db);
    }

    private List<String> shopOrders() {
        return db.fromTransaction(s -> s.find(CacheShop.class, model.shopId).getOrders().stream()
                .map(CacheOrder::getNumber).sorted().toList());
    }

    private List<String> firstOrderLines() {
        return db.fromTransaction(s -> {
            CacheOrder first = s.getReference(CacheOrder.class, model.firstId);
            Hibernate.initialize(first);
            return first.getLines().stream().map(CacheLine::getItem).sorted().toList();
        });
    }

    private List<String> firstOrderLabels() {
        return db.fromTransaction(s -> s.find(CacheOrder.class, model.firstId).getLabels().stream()
                .map(CacheLabel::getName).toList());
    }

    /** Reads twice and proves the second read came from the collection cache. */
    private static <T> T cached(String role, java.util.function.Supplier<T> read) {
        read.get();
        Statistics statistics = db.sessionFactory().getStatistics();
        long hits = statistics.getCollectionStatistics(role).getCacheHitCount();
        T result = read.get();
        assertThat(statistics.getCollectionStatistics(role).getCacheHitCount())
                .as("the collection %s was served from the cache", role).isGreaterThan(hits);
        return result;
    }

    private static final String SHOP_ORDERS = CacheShop.class.getName() + ".orders";
    private static final String ORDER_LINES = CacheOrder.class.getName() + ".lines";
    private static final String ORDER_LABELS = CacheOrder.class.getName() + ".labels";

    @Test
    void removeEvictsTheCachedCollectionHoldingTheRow() {
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).containsExactly(CachedModel.FIRST, CachedModel.SECOND);

        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));

        assertThat(shopOrders()).containsExactly(CachedModel.SECOND);
    }

    @Test
    void restoreEvictsTheCachedCollectionMissingTheRow() {
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).containsExactly(CachedModel.SECOND);

        db.inTransaction(s -> s.restore(CacheOrder.class, model.firstId));

        assertThat(shopOrders()).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
    }

    @Test
    void restoreOfSeveralRowsTogetherEvictsTheCachedCollectionsOfTheRowsAndTheirChildren() {
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.secondId)));
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).isEmpty();
        assertThat(cached(ORDER_LINES, this::firstOrderLines)).isEmpty();

        int restored = db.fromTransaction(s -> s.restoreAll(CacheOrder.class, List.of(model.firstId, model.secondId)));

        assertThat(restored).isEqualTo(2);
        assertThat(shopOrders()).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
        assertThat(firstOrderLines()).containsExactly("o-1-a", "o-1-b");
    }

    @Test
    void restoreOfATimeWindowEvictsTheCachedCollectionsOfTheRowsAndTheirChildren() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(60);
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).containsExactly(CachedModel.SECOND);
        assertThat(cached(ORDER_LINES, this::firstOrderLines)).isEmpty();

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CacheOrder.class, before));

        assertThat(restored).isEqualTo(1);
        assertThat(shopOrders()).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
        assertThat(firstOrderLines()).containsExactly("o-1-a", "o-1-b");
    }

    @Test
    void cascadeEvictsTheCachedCollectionsOfTheChildren() {
        assertThat(cached(ORDER_LINES, this::firstOrderLines)).containsExactly("o-1-a", "o-1-b");

        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));

        // the deleted order still loads through a reference; its deleted lines do not come with it
        assertThat(firstOrderLines()).isEmpty();
        assertThat(db.rows("select id from cache_line where deleted_at is null and order_id = ?", model.firstId)).isEmpty();
    }

    @Test
    void removeOfManyToManyTargetEvictsTheCachedLinks() {
        assertThat(cached(ORDER_LABELS, this::firstOrderLabels)).containsExactly("urgent");

        db.inTransaction(s -> s.remove(s.find(CacheLabel.class, model.labelId)));

        assertThat(firstOrderLabels()).isEmpty();
        assertThat(db.countRows("cache_order_label")).isEqualTo(2);
    }

    @Test
    void bulkDeleteEvictsTheCachedCollection() {
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).containsExactly(CachedModel.FIRST, CachedModel.SECOND);

        db.inTransaction(s -> s.createMutationQuery("delete from CacheOrder where number = :number")
                .setParameter("number", CachedModel.FIRST).executeUpdate());

        assertThat(shopOrders()).containsExactly(CachedModel.SECOND);
    }

    @Test
    void collectionReadInAnAdminScopeIsNotCachedForTheDefaultScope() {
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));

        List<String> all = db.fromTransaction(s -> {
            CacheShop shop = s.find(CacheShop.class, model.shopId);
            try (SoftDeleteScope scope = s.unfiltered()) {
                return shop.getOrders().stream().map(CacheOrder::getNumber).sorted().toList();
            }
        });
        List<String> trash = db.fromTransaction(s -> {
            CacheShop shop = s.find(CacheShop.class, model.shopId);
            try (SoftDeleteScope scope = s.onlyDeleted()) {
                return shop.getOrders().stream().map(CacheOrder::getNumber).toList();
            }
        });

        assertThat(all).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
        assertThat(trash).containsExactly(CachedModel.FIRST);
        assertThat(shopOrders()).containsExactly(CachedModel.SECOND);
    }

    @Test
    void adminScopeDoesNotReadTheLiveCollectionFromTheCache() {
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
        assertThat(cached(SHOP_ORDERS, this::shopOrders)).containsExactly(CachedModel.SECOND);

        List<String> all = db.fromTransaction(s -> {
            CacheShop shop = s.find(CacheShop.class, model.shopId);
            try (SoftDeleteScope scope = s.unfiltered()) {
                return shop.getOrders().stream().map(CacheOrder::getNumber).sorted().toList();
            }
        });

        assertThat(all).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
    }
}
