package dev.softdelete.it.cache;

import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soft delete through a {@code StatelessSession} (one row, or a bulk delete) invalidates the cached
 * queries over the table, as one through a stateful session does: a query served from the query cache
 * must not return the deleted row in the default scope. Hibernate invalidates query spaces only through
 * a stateful session's action queue, so the library does it for stateless writes.
 */
class StatelessQueryCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = CachedModel.factory();

    private CachedModel model;

    @BeforeEach
    void persist() {
        model = CachedModel.fresh(db);
    }

    private static List<String> orders() {
        return db.fromTransaction(s -> s.createSelectionQuery("from CacheOrder o order by o.number", CacheOrder.class)
                .setCacheable(true).getResultList().stream().map(o -> o == null ? "null" : o.getNumber()).toList());
    }

    private static List<String> numbers() {
        return db.fromTransaction(s -> s.createSelectionQuery("select o.number from CacheOrder o order by o.number", String.class)
                .setCacheable(true).getResultList());
    }

    @Test
    void aStatelessDeleteInvalidatesCachedQueries() {
        assertThat(CachedModel.fromQueryCache(db, StatelessQueryCacheTest::numbers)).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
        assertThat(CachedModel.fromQueryCache(db, StatelessQueryCacheTest::orders)).containsExactly(CachedModel.FIRST, CachedModel.SECOND);

        try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
            stateless.beginTransaction();
            stateless.delete(stateless.get(CacheOrder.class, model.firstId));
            stateless.getTransaction().commit();
        }

        assertThat(db.rows("select id from cache_order where deleted_at is not null")).hasSize(1);
        assertThat(numbers()).containsExactly(CachedModel.SECOND);
        assertThat(orders()).containsExactly(CachedModel.SECOND);
    }

    @Test
    void aStatelessBulkDeleteInvalidatesCachedQueries() {
        assertThat(CachedModel.fromQueryCache(db, StatelessQueryCacheTest::numbers)).containsExactly(CachedModel.FIRST, CachedModel.SECOND);

        try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
            stateless.beginTransaction();
            stateless.createMutationQuery("delete from CacheOrder o where o.number = :n")
                    .setParameter("n", CachedModel.FIRST).executeUpdate();
            stateless.getTransaction().commit();
        }

        assertThat(db.rows("select id from cache_order where deleted_at is not null")).hasSize(1);
        assertThat(numbers()).containsExactly(CachedModel.SECOND);
    }
}
