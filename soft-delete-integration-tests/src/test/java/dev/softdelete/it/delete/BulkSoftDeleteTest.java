package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk delete through HQL, JPQL or Criteria marks the live rows it matches, returns their number
 * and leaves rows deleted earlier exactly as they were.
 */
class BulkSoftDeleteTest {

    static final Instant EARLIER = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-05T18:30:00Z");
    static final MutableClock CLOCK = new MutableClock(EARLIER);
    static final AtomicReference<String> ACTOR = new AtomicReference<>("alice");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) ACTOR::get);

    private Long alreadyDeleted;
    private Long liveMatching;
    private Long otherLiveMatching;
    private Long liveNotMatching;

    @BeforeEach
    void threeLiveNotesAndOneDeletedEarlierByAlice() {
        CLOCK.set(EARLIER);
        ACTOR.set("alice");
        alreadyDeleted = persist("ad: old");
        liveMatching = persist("ad: cheap");
        otherLiveMatching = persist("ad: cheaper");
        liveNotMatching = persist("meeting notes");
        db.inTransaction(s -> s.remove(s.find(VersionedNote.class, alreadyDeleted)));
        CLOCK.set(LATER);
        ACTOR.set("bob");
    }

    @AfterEach
    void resetClockAndActor() {
        CLOCK.set(EARLIER);
        ACTOR.set("alice");
    }

    private Long persist(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    private int inEntityManager(ToIntFunction<EntityManager> work) {
        try (EntityManager em = db.sessionFactory().createEntityManager()) {
            em.getTransaction().begin();
            int result = work.applyAsInt(em);
            em.getTransaction().commit();
            return result;
        }
    }

    private void assertOnlyTheMatchingLiveRowsWereMarked() {
        Map<String, Object> old = db.row("versioned_note", alreadyDeleted);
        assertThat(Columns.instant(old.get("deleted_at"))).as("marker of the row deleted earlier").isEqualTo(EARLIER);
        assertThat(old.get("deleted_by")).as("actor of the row deleted earlier").isEqualTo("alice");
        for (Long id : new Long[] {liveMatching, otherLiveMatching}) {
            Map<String, Object> row = db.row("versioned_note", id);
            assertThat(Columns.instant(row.get("deleted_at"))).as("marker of %s", id).isEqualTo(LATER);
            assertThat(row.get("deleted_by")).as("actor of %s", id).isEqualTo("bob");
        }
        assertThat(db.row("versioned_note", liveNotMatching).get("deleted_at")).isNull();
        assertThat(db.countRows("versioned_note")).isEqualTo(4);
    }

    @Test
    void hqlBulkDeleteMarksOnlyLiveMatchingRowsAndReturnsTheirCount() {
        // WHEN
        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> marked[0] =
                s.createMutationQuery("delete from VersionedNote n where n.text like 'ad:%'").executeUpdate()));

        // THEN
        assertThat(marked[0]).isEqualTo(2);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        assertOnlyTheMatchingLiveRowsWereMarked();
    }

    @Test
    void jpqlBulkDeleteThroughAnEntityManagerMarksOnlyLiveMatchingRows() {
        // WHEN
        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> marked[0] = inEntityManager(em ->
                em.createQuery("delete from VersionedNote n where n.text like :prefix")
                        .setParameter("prefix", "ad:%")
                        .executeUpdate()));

        // THEN
        assertThat(marked[0]).isEqualTo(2);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        assertOnlyTheMatchingLiveRowsWereMarked();
    }

    @Test
    void criteriaDeleteMarksOnlyLiveMatchingRows() {
        // WHEN
        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> marked[0] = inEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaDelete<VersionedNote> delete = cb.createCriteriaDelete(VersionedNote.class);
            Root<VersionedNote> note = delete.from(VersionedNote.class);
            delete.where(cb.like(note.get("text"), "ad:%"));
            return em.createQuery(delete).executeUpdate();
        }));

        // THEN
        assertThat(marked[0]).isEqualTo(2);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        assertOnlyTheMatchingLiveRowsWereMarked();
    }

    @Test
    void bulkDeleteWithoutRestrictionCountsOnlyLiveRows() {
        // WHEN
        int marked = db.fromTransaction(s -> s.createMutationQuery("delete from VersionedNote").executeUpdate());

        // THEN
        assertThat(marked).isEqualTo(3);
        assertThat(Columns.instant(db.row("versioned_note", alreadyDeleted).get("deleted_at"))).isEqualTo(EARLIER);
        assertThat(Columns.instant(db.row("versioned_note", liveNotMatching).get("deleted_at"))).isEqualTo(LATER);
    }

    @Test
    void bulkDeleteInsideUnfilteredScopeStillLeavesDeletedRowsAlone() {
        // WHEN
        int marked = db.fromTransaction(s -> s.unfiltered(() ->
                s.createMutationQuery("delete from VersionedNote n where n.text like 'ad:%'").executeUpdate()));

        // THEN
        assertThat(marked).isEqualTo(2);
        assertOnlyTheMatchingLiveRowsWereMarked();
    }
}
