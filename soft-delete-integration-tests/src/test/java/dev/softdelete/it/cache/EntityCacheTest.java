package dev.softdelete.it.cache;

import dev.softdelete.it.model.CacheOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted row is read legitimately (a reference to it is initialised, an admin scope reads it), and
 * Hibernate would cache it; the library keeps it out of the entity cache, and no read by id in the
 * default scope serves it.
 */
class EntityCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = CachedModel.factory();

    private CachedModel model;

    @BeforeEach
    void persistAndCacheTheDeletedOrder() {
        model = CachedModel.fresh(db);
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));
        // read legitimately (a reference initialised): Hibernate would cache it; the library does not
        long puts = db.sessionFactory().getStatistics().getEntityStatistics(CacheOrder.class.getName()).getCachePutCount();
        db.inTransaction(s -> Hibernate.initialize(s.getReference(CacheOrder.class, model.firstId)));
        assertThat(db.sessionFactory().getStatistics().getEntityStatistics(CacheOrder.class.getName()).getCachePutCount())
                .as("cache puts of the deleted order").isEqualTo(puts);
    }

    private static List<String> numbers(List<CacheOrder> orders) {
        return orders.stream().map(o -> o == null ? null : o.getNumber()).toList();
    }

    @Test
    void findDoesNotServeTheDeletedRow() {
        CacheOrder found = db.fromTransaction(s -> s.find(CacheOrder.class, model.firstId));
        assertThat(found).isNull();
    }

    @Test
    void findMultipleDoesNotServeTheDeletedRow() {
        List<String> found = db.fromTransaction(s -> numbers(
                s.findMultiple(CacheOrder.class, List.of(model.firstId, model.secondId))));

        assertThat(found).containsExactly(null, CachedModel.SECOND);
    }

    @Test
    void byMultipleIdsDoesNotServeTheDeletedRow() {
        List<String> found = db.fromTransaction(s -> numbers(
                s.byMultipleIds(CacheOrder.class).multiLoad(model.firstId, model.secondId)));

        assertThat(found).containsExactly(null, CachedModel.SECOND);
    }

    @Test
    void statelessGetDoesNotServeTheDeletedRow() {
        try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
            assertThat(stateless.get(CacheOrder.class, model.firstId)).isNull();
            assertThat(stateless.get(CacheOrder.class, model.secondId).getNumber()).isEqualTo(CachedModel.SECOND);
        }
    }

    @Test
    void naturalIdDoesNotResolveTheDeletedRow() {
        CacheOrder first = db.fromTransaction(s -> s.bySimpleNaturalId(CacheOrder.class).load(CachedModel.FIRST));
        CacheOrder second = db.fromTransaction(s -> s.bySimpleNaturalId(CacheOrder.class).load(CachedModel.SECOND));

        assertThat(first).isNull();
        assertThat(second).isNotNull();
    }

    @Test
    void cachedQueryIsInvalidatedByARestoreOfSeveralRows() {
        String hql = "select o.number from CacheOrder o order by o.number";
        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.secondId)));
        List<String> before = db.fromTransaction(s -> s.createSelectionQuery(hql, String.class).setCacheable(true).list());
        assertThat(before).isEmpty();

        db.inTransaction(s -> s.restoreAll(CacheOrder.class, List.of(model.firstId, model.secondId)));

        List<String> after = db.fromTransaction(s -> s.createSelectionQuery(hql, String.class).setCacheable(true).list());
        assertThat(after).containsExactly(CachedModel.FIRST, CachedModel.SECOND);
        String first = db.fromTransaction(s -> s.find(CacheOrder.class, model.firstId).getNumber());
        assertThat(first).isEqualTo(CachedModel.FIRST);
    }

    @Test
    void cachedQueryIsInvalidatedByTheDelete() {
        String hql = "select o.number from CacheOrder o order by o.number";
        db.inTransaction(s -> s.restore(CacheOrder.class, model.firstId));
        List<String> before = db.fromTransaction(s -> s.createSelectionQuery(hql, String.class).setCacheable(true).list());
        assertThat(before).containsExactly(CachedModel.FIRST, CachedModel.SECOND);

        db.inTransaction(s -> s.remove(s.find(CacheOrder.class, model.firstId)));

        List<String> after = db.fromTransaction(s -> s.createSelectionQuery(hql, String.class).setCacheable(true).list());
        assertThat(after).containsExactly(CachedModel.SECOND);
    }
}
