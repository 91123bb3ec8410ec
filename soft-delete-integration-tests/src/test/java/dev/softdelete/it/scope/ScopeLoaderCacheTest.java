package dev.softdelete.it.scope;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.ScopeItem;
import dev.softdelete.it.model.ScopeRack;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.LockModeType;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin scopes keep query plans and loaders of their own. What one visibility builds must never answer
 * for another, whichever runs first: this covers the plans Hibernate builds on first use and keeps
 * (a refresh, a lock mode) for an entity that is not soft-deletable but joins soft-deletable rows
 * ({@link ScopeRack}'s EAGER items). Each test runs its path in both orders, so that whichever plan
 * the factory already holds, a plan shared across visibilities fails one of its assertions.
 */
class ScopeLoaderCacheTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(ScopeRack.class, ScopeItem.class)
            .with(AvailableSettings.GENERATE_STATISTICS, true);

    private static final List<String> LIVE = List.of("kept");
    private static final List<String> ALL = List.of("kept", "dropped");

    /** A rack with a live item ("kept") and a deleted one ("dropped"), read straight from the table. */
    private static Long persistRack() {
        Long[] ids = db.fromTransaction(s -> {
            ScopeRack rack = new ScopeRack("rack");
            s.persist(rack);
            ScopeItem kept = new ScopeItem(rack, "kept");
            ScopeItem dropped = new ScopeItem(rack, "dropped");
            s.persist(kept);
            s.persist(dropped);
            return new Long[] {rack.getId(), dropped.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(ScopeItem.class, ids[1])));
        assertThat(db.row("scope_item", ids[1]).get("deleted_at")).isNotNull();
        return ids[0];
    }

    private static List<String> names(ScopeRack rack) {
        return rack.getItems().stream().map(ScopeItem::getName).toList();
    }

    private static List<String> inNewSession(Function<SoftDeleteSession, List<String>> read) {
        return db.fromTransaction(read);
    }

    @Test
    void refreshBuildsItsPlanPerVisibility() {
        Long rackId = persistRack();
        Function<SoftDeleteSession, List<String>> refresh = s -> {
            ScopeRack rack = s.find(ScopeRack.class, rackId);
            s.refresh(rack);
            return names(rack);
        };

        assertThat(inNewSession(s -> s.unfiltered(() -> refresh.apply(s)))).isEqualTo(ALL);
        assertThat(inNewSession(refresh)).isEqualTo(LIVE);
        assertThat(inNewSession(s -> s.unfiltered(() -> refresh.apply(s)))).isEqualTo(ALL);
        assertThat(inNewSession(refresh)).isEqualTo(LIVE);
    }

    @Test
    void lockedFindBuildsItsPlanPerVisibility() {
        Long rackId = persistRack();
        Function<SoftDeleteSession, List<String>> lockedFind =
                s -> names(s.find(ScopeRack.class, rackId, LockModeType.PESSIMISTIC_WRITE));

        assertThat(inNewSession(s -> s.unfiltered(() -> lockedFind.apply(s)))).isEqualTo(ALL);
        assertThat(inNewSession(lockedFind)).isEqualTo(LIVE);
        assertThat(inNewSession(s -> s.unfiltered(() -> lockedFind.apply(s)))).isEqualTo(ALL);
        assertThat(inNewSession(lockedFind)).isEqualTo(LIVE);
    }

    @Test
    void findInOnlyDeletedAndDefaultAlternatesCorrectly() {
        Long rackId = persistRack();
        Function<SoftDeleteSession, List<String>> find = s -> names(s.find(ScopeRack.class, rackId));

        assertThat(inNewSession(s -> s.onlyDeleted(() -> find.apply(s)))).containsExactly("dropped");
        assertThat(inNewSession(find)).isEqualTo(LIVE);
        assertThat(inNewSession(s -> s.unfiltered(() -> find.apply(s)))).isEqualTo(ALL);
        assertThat(inNewSession(s -> s.onlyDeleted(() -> find.apply(s)))).containsExactly("dropped");
    }

    /**
     * A query run again counts a hit for its parsed HQL and, when its plan was kept, one for the plan:
     * so a second run in an admin scope counts as many hits as one in the default scope, and fewer
     * when the scope's plans are built anew each time.
     */
    @Test
    void hqlInAnAdminScopeReusesItsCachedPlan() {
        persistRack();
        String hql = "select i.name from ScopeItem i order by i.id";
        Function<SoftDeleteSession, List<String>> query = s -> s.createQuery(hql, String.class).getResultList();
        Function<SoftDeleteSession, List<String>> unfiltered = s -> s.unfiltered(() -> query.apply(s));
        Function<SoftDeleteSession, List<String>> trash = s -> s.onlyDeleted(() -> query.apply(s));
        inNewSession(query);
        inNewSession(unfiltered);
        inNewSession(trash);

        long defaultHits = planCacheHits(query, LIVE);
        long unfilteredHits = planCacheHits(unfiltered, ALL);
        long trashHits = planCacheHits(trash, List.of("dropped"));

        assertThat(defaultHits).as("hits of a run in the default scope").isGreaterThanOrEqualTo(2);
        assertThat(unfilteredHits).as("hits of a run in unfiltered()").isEqualTo(defaultHits);
        assertThat(trashHits).as("hits of a run in onlyDeleted()").isEqualTo(defaultHits);
    }

    private static long planCacheHits(Function<SoftDeleteSession, List<String>> read, List<String> expected) {
        Statistics statistics = db.sessionFactory().getStatistics();
        long before = statistics.getQueryPlanCacheHitCount();
        assertThat(inNewSession(read)).isEqualTo(expected);
        return statistics.getQueryPlanCacheHitCount() - before;
    }
}
