package dev.softdelete.it.leak;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.MatrixItem;
import dev.softdelete.it.model.MatrixOwner;
import dev.softdelete.it.model.MatrixSpecialItem;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import org.hibernate.Hibernate;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static dev.softdelete.it.leak.MatrixRows.ITEMS;
import static dev.softdelete.it.leak.MatrixRows.OWNERS;
import static dev.softdelete.it.leak.MatrixRows.OWNER_LIVE;
import static dev.softdelete.it.leak.MatrixRows.SPECIALS;
import static dev.softdelete.it.leak.MatrixRows.itemsThroughLiveOwner;
import static dev.softdelete.it.leak.MatrixRows.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak matrix: every read path an application uses, in the default scope, {@code unfiltered()} and
 * {@code onlyDeleted()}, against the rows it must return. It fails on any row a scope should hide
 * (a leak) and on any row it should show but does not, and writes what it found to
 * {@code docs/leak-matrix.md}, one section per database.
 */
class LeakMatrixTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(MatrixOwner.class, MatrixItem.class, MatrixSpecialItem.class)
            .with(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
            .with(AvailableSettings.USE_QUERY_CACHE, true)
            .with(AvailableSettings.CACHE_REGION_FACTORY, "jcache")
            .with("hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider")
            .with("hibernate.javax.cache.missing_cache_strategy", "create");

    /** One read path: what it returns in a session, and what it must return in each scope. */
    private record ReadPath(String name, Function<MatrixScope, Set<String>> expected,
            BiFunction<SoftDeleteSession, MatrixRows, Collection<String>> read, boolean scoped) {
    }

    private static ReadPath path(String name, Function<MatrixScope, Set<String>> expected,
            BiFunction<SoftDeleteSession, MatrixRows, Collection<String>> read) {
        return new ReadPath(name, expected, read, true);
    }

    private static List<String> codes(Collection<? extends MatrixItem> items) {
        return items.stream().filter(Objects::nonNull).map(MatrixItem::getCode).toList();
    }

    private static List<String> hql(SoftDeleteSession s, String query) {
        return s.createSelectionQuery(query, String.class).list();
    }

    private static MatrixOwner liveOwner(SoftDeleteSession s, MatrixRows rows) {
        // a reference loads its row whatever the scope, so the collections below are read in every scope
        MatrixOwner owner = s.getReference(MatrixOwner.class, rows.liveOwner());
        Hibernate.initialize(owner);
        return owner;
    }

    private static Function<MatrixScope, Set<String>> items() {
        return scope -> visible(ITEMS, scope);
    }

    private static List<ReadPath> paths() {
        List<ReadPath> paths = new ArrayList<>();
        paths.add(path("find", items(), (s, rows) -> rows.items().stream()
                .map(id -> s.find(MatrixItem.class, id)).filter(Objects::nonNull).map(MatrixItem::getCode).toList()));
        paths.add(path("getReference, initialised (loads its row in every scope)", scope -> ITEMS, (s, rows) -> rows.items()
                .stream().map(id -> s.getReference(MatrixItem.class, id)).map(MatrixItem::getCode).toList()));
        paths.add(path("findMultiple (ordered)", items(), (s, rows) -> codes(s.findMultiple(MatrixItem.class, rows.items()))));
        paths.add(path("byMultipleIds, unordered", items(), (s, rows) -> codes(
                s.byMultipleIds(MatrixItem.class).enableOrderedReturn(false).multiLoad(rows.items()))));
        paths.add(path("natural id", items(), (s, rows) -> ITEMS.stream()
                .map(code -> s.bySimpleNaturalId(MatrixItem.class).load(code)).filter(Objects::nonNull)
                .map(MatrixItem::getCode).toList()));
        paths.add(path("HQL, hierarchy root (polymorphic)", items(), (s, rows) -> hql(s, "select i.code from MatrixItem i")));
        paths.add(path("HQL, subclass", scope -> visible(SPECIALS, scope),
                (s, rows) -> hql(s, "select i.code from MatrixSpecialItem i")));
        paths.add(path("JPQL through the EntityManager API", items(), (s, rows) -> codes(((EntityManager) s)
                .createQuery("select i from MatrixItem i", MatrixItem.class).getResultList())));
        paths.add(path("Criteria", items(), (s, rows) -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<MatrixItem> query = cb.createQuery(MatrixItem.class);
            query.from(MatrixItem.class);
            return codes(s.createQuery(query).getResultList());
        }));
        paths.add(path("implicit join (i.owner.name)", MatrixRows::itemsThroughLiveOwner, (s, rows) -> hql(s,
                "select i.code from MatrixItem i where i.owner.name = '" + OWNER_LIVE + "'")));
        paths.add(path("explicit join", MatrixRows::itemsThroughLiveOwner,
                (s, rows) -> hql(s, "select i.code from MatrixOwner o join o.lazyItems i")));
        paths.add(path("left join", MatrixRows::itemsThroughLiveOwner, (s, rows) -> hql(s,
                "select i.code from MatrixOwner o left join o.lazyItems i where i.code is not null")));
        paths.add(path("right join (onlyDeleted() may omit rows, guide §3)", scope ->
                scope == MatrixScope.ONLY_DELETED ? Set.of() : visible(ITEMS, scope),
                (s, rows) -> hql(s, "select i.code from MatrixOwner o right join o.lazyItems i")));
        paths.add(path("fetch join", MatrixRows::itemsThroughLiveOwner, (s, rows) -> s.createSelectionQuery(
                "select distinct o from MatrixOwner o left join fetch o.lazyItems", MatrixOwner.class).list().stream()
                .flatMap(o -> codes(o.getLazyItems()).stream()).toList()));
        paths.add(path("lazy one-to-many", items(), (s, rows) -> codes(liveOwner(s, rows).getLazyItems())));
        paths.add(path("eager one-to-many", items(), (s, rows) -> codes(liveOwner(s, rows).getEagerItems())));
        paths.add(path("batch-fetched one-to-many", items(), (s, rows) -> {
            Hibernate.initialize(s.getReference(MatrixOwner.class, rows.deletedOwner()));
            return codes(liveOwner(s, rows).getBatchItems());
        }));
        paths.add(path("subselect-fetched one-to-many", MatrixRows::itemsThroughLiveOwner, (s, rows) -> s
                .createSelectionQuery("from MatrixOwner", MatrixOwner.class).list().stream()
                .flatMap(o -> codes(o.getSubselectItems()).stream()).toList()));
        paths.add(path("map element by key (Hibernate.get, map unread)", items(), (s, rows) -> {
            Map<String, MatrixItem> byCode = liveOwner(s, rows).getItemsByCode();
            return ITEMS.stream().map(code -> Hibernate.get(byCode, code)).filter(Objects::nonNull)
                    .map(MatrixItem::getCode).toList();
        }));
        paths.add(path("many-to-many", items(), (s, rows) -> codes(liveOwner(s, rows).getPicks())));
        paths.add(path("element collection (of the owners)", scope -> visible(OWNERS, scope),
                (s, rows) -> hql(s, "select n from MatrixOwner o join o.notes n")));
        paths.add(path("count", scope -> Set.of("count=" + visible(ITEMS, scope).size()), (s, rows) -> List.of(
                "count=" + s.createSelectionQuery("select count(i) from MatrixItem i", Long.class).getSingleResult())));
        paths.add(path("size() of a collection", scope -> scope == MatrixScope.ONLY_DELETED ? Set.of()
                : Set.of("size=" + visible(ITEMS, scope).size()), (s, rows) -> s.createSelectionQuery(
                "select size(o.lazyItems) from MatrixOwner o where o.name = '" + OWNER_LIVE + "'", Integer.class)
                .list().stream().map(n -> "size=" + n).toList()));
        paths.add(path("exists subquery", items(), (s, rows) -> hql(s,
                "select i.code from MatrixItem i where exists (select j.id from MatrixItem j where j.id = i.id)")));
        paths.add(path("in subquery", items(), (s, rows) -> hql(s,
                "select i.code from MatrixItem i where i.id in (select j.id from MatrixItem j)")));
        paths.add(path("projection", items(), (s, rows) -> s.createSelectionQuery(
                "select i.code, i.id from MatrixItem i", Object[].class).list().stream().map(row -> (String) row[0]).toList()));
        paths.add(path("pagination", items(), (s, rows) -> s.createSelectionQuery(
                "select i.code from MatrixItem i order by i.code", String.class).setFirstResult(0).setMaxResults(10).list()));
        paths.add(path("scroll", items(), (s, rows) -> {
            List<String> read = new ArrayList<>();
            try (ScrollableResults<String> results = s.createSelectionQuery(
                    "select i.code from MatrixItem i", String.class).scroll()) {
                while (results.next()) {
                    read.add(results.get());
                }
            }
            return read;
        }));
        paths.add(path("stream", items(), (s, rows) -> s.createSelectionQuery(
                "select i.code from MatrixItem i", String.class).getResultStream().toList()));
        paths.add(path("entity graph", MatrixRows::itemsThroughLiveOwner, (s, rows) -> {
            EntityGraph<MatrixOwner> graph = s.createEntityGraph(MatrixOwner.class);
            graph.addAttributeNodes("lazyItems");
            MatrixOwner owner = s.find(MatrixOwner.class, rows.liveOwner(),
                    Map.of("jakarta.persistence.fetchgraph", graph));
            return owner == null ? List.of() : codes(owner.getLazyItems());
        }));
        paths.add(path("second-level cache, entity hit", items(), (s, rows) -> {
            warmEntityCache(rows);
            return rows.items().stream().map(id -> s.find(MatrixItem.class, id)).filter(Objects::nonNull)
                    .map(MatrixItem::getCode).toList();
        }));
        paths.add(path("second-level cache, collection hit", items(), (s, rows) -> {
            db.inTransaction(warm -> Hibernate.initialize(liveOwner(warm, rows).getLazyItems()));
            return codes(liveOwner(s, rows).getLazyItems());
        }));
        paths.add(path("query cache hit", items(), (s, rows) -> {
            String query = "select i.code from MatrixItem i order by i.code";
            db.inTransaction(warm -> warm.createSelectionQuery(query, String.class).setCacheable(true).list());
            return s.createSelectionQuery(query, String.class).setCacheable(true).list();
        }));
        paths.add(new ReadPath("StatelessSession get (cache warmed)", items(), (s, rows) -> {
            warmEntityCache(rows);
            try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
                return rows.items().stream().map(id -> stateless.get(MatrixItem.class, id)).filter(Objects::nonNull)
                        .map(MatrixItem::getCode).toList();
            }
        }, false));
        paths.add(new ReadPath("StatelessSession query", items(), (s, rows) -> {
            try (StatelessSession stateless = db.sessionFactory().openStatelessSession()) {
                return stateless.createSelectionQuery("select i.code from MatrixItem i", String.class).list();
            }
        }, false));
        return paths;
    }

    /** Every item read inside unfiltered() in its own session: whatever may be cached, is. */
    private static void warmEntityCache(MatrixRows rows) {
        db.inTransaction(warm -> warm.unfiltered(() -> rows.items().stream()
                .map(id -> warm.find(MatrixItem.class, id)).toList()));
    }

    private static Collection<String> readIn(MatrixScope scope, ReadPath path, MatrixRows rows) {
        return db.fromTransaction(s -> switch (scope) {
            case DEFAULT -> path.read().apply(s, rows);
            case UNFILTERED -> s.unfiltered(() -> path.read().apply(s, rows));
            case ONLY_DELETED -> s.onlyDeleted(() -> path.read().apply(s, rows));
        });
    }

    @Test
    void everyReadPathReturnsExactlyWhatItsScopeShows() throws IOException {
        MatrixRows rows = MatrixRows.persist(db);
        List<ReadPath> paths = paths();
        Map<String, Map<MatrixScope, String>> table = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (ReadPath path : paths) {
            Map<MatrixScope, String> cells = new LinkedHashMap<>();
            for (MatrixScope scope : MatrixScope.values()) {
                if (!path.scoped() && scope != MatrixScope.DEFAULT) {
                    cells.put(scope, "n/a");
                    continue;
                }
                db.sessionFactory().getCache().evictAllRegions();
                List<String> returned = new ArrayList<>(readIn(scope, path, rows));
                Set<String> expected = path.expected().apply(scope);
                List<String> leaked = returned.stream().filter(row -> !expected.contains(row)).toList();
                List<String> missing = expected.stream().filter(row -> !returned.contains(row)).toList();
                String cell = returned.size() + " of " + expected.size();
                if (!leaked.isEmpty() || !missing.isEmpty() || returned.size() != expected.size()) {
                    cell += (leaked.isEmpty() ? " MISSING " + missing : " LEAK " + leaked);
                    failures.add(path.name() + " in " + scope.label + ": returned " + returned + ", expected " + expected);
                }
                cells.put(scope, cell);
            }
            table.put(path.name(), cells);
        }
        LeakMatrixReport.write(TestDatabase.current(), db, table);

        assertThat(paths).hasSizeGreaterThanOrEqualTo(20);
        assertThat(failures).as("read paths that leaked or lost rows").isEmpty();
    }
}
