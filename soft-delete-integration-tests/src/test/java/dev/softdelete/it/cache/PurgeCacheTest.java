package dev.softdelete.it.cache;

import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge and the query cache: a trash page's cached query (the deleted rows, their count) is not
 * served after the purge removed those rows. The purge writes through a stateless session, whose bulk
 * statements Hibernate leaves out of the query-space invalidation a stateful session does.
 */
class PurgeCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = CachedModel.factory().with(SoftDeleteSettings.RETENTION_DEFAULT, "P1D");

    private CachedModel model;

    @BeforeEach
    void persistAndDeleteTheFirstOrder() {
        model = CachedModel.fresh(db);
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
    }

    private static List<String> trash() {
        return db.fromTransaction(s -> {
            try (SoftDeleteScope scope = s.onlyDeleted()) {
                return s.createSelectionQuery("from CacheOrder o order by o.number", CacheOrder.class).setCacheable(true)
                        .getResultList().stream().map(CacheOrder::getNumber).toList();
            }
        });
    }

    private static long allOrders() {
        return db.fromTransaction(s -> {
            try (SoftDeleteScope scope = s.unfiltered()) {
                return s.createSelectionQuery("select count(o) from CacheOrder o", Long.class).setCacheable(true)
                        .getSingleResult();
            }
        });
    }

    @Test
    void cachedQueriesOverTheTableAreNotServedAfterThePurge() {
        assertThat(CachedModel.fromQueryCache(db, PurgeCacheTest::trash)).containsExactly(CachedModel.FIRST);
        assertThat(CachedModel.fromQueryCache(db, PurgeCacheTest::allOrders)).isEqualTo(2);

        PurgeReport report = Purger.of(db.sessionFactory()).clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(3))).run();

        assertThat(report.rowsPerEntity()).containsEntry(CacheOrder.class, 1L);
        assertThat(db.countRows("cache_order")).isEqualTo(1);
        assertThat(allOrders()).isEqualTo(1);
        assertThat(trash()).isEmpty();
    }
}
