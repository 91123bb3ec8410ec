package dev.softdelete.it.delete;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @Version} guards a soft delete exactly as it guards a hard one. */
class StaleSoftDeleteTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:15:30Z"));

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private Long persistNote() {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote("original");
            s.persist(note);
            return note.getId();
        });
    }

    @Test
    void softDeleteOfARowChangedByAnotherSessionFailsAndTheRowStaysLive() {
        // GIVEN a note loaded in one session
        Long id = persistNote();
        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            VersionedNote stale = session.find(VersionedNote.class, id);
            // ... and then edited by another session
            db.inTransaction(other -> other.find(VersionedNote.class, id).setText("edited"));

            // WHEN
            session.remove(stale);

            // THEN
            assertThatThrownBy(session::flush)
                    .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);
            session.getTransaction().rollback();
        }
        Map<String, Object> row = db.row("versioned_note", id);
        assertThat(row.get("deleted_at")).isNull();
        assertThat(row.get("text")).isEqualTo("edited");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1L);
    }

    @Test
    void softDeleteOfARowSoftDeletedByAnotherSessionFailsUnderJpa() {
        // GIVEN a note loaded through an EntityManager
        Long id = persistNote();
        try (EntityManager em = db.sessionFactory().createEntityManager()) {
            em.getTransaction().begin();
            VersionedNote stale = em.find(VersionedNote.class, id);
            // ... and meanwhile soft-deleted by another session at a later instant
            CLOCK.set(Instant.parse("2026-03-02T00:00:00Z"));
            db.inTransaction(other -> other.remove(other.find(VersionedNote.class, id)));
            CLOCK.set(Instant.parse("2026-03-03T00:00:00Z"));

            // WHEN
            em.remove(stale);

            // THEN
            assertThatThrownBy(em::flush).isInstanceOf(OptimisticLockException.class);
            em.getTransaction().rollback();
        }
        finally {
            CLOCK.set(Instant.parse("2026-03-01T10:15:30Z"));
        }
        // the first delete wins: its marker is not overwritten
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNotNull();
        assertThat(db.countRows("versioned_note")).isEqualTo(1);
        assertThat(Columns.instant(db.row("versioned_note", id).get("deleted_at")))
                .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void wrappedEntityManagerReportsTheStaleDeleteAsOptimisticLockException() {
        // GIVEN
        Long id = persistNote();
        try (EntityManager em = db.sessionFactory().createEntityManager()) {
            SoftDeleteSession s = SoftDeleteSession.wrap(em);
            em.getTransaction().begin();
            VersionedNote stale = s.find(VersionedNote.class, id);
            db.inTransaction(other -> other.find(VersionedNote.class, id).setText("edited"));

            // WHEN
            try (var why = s.deletingBecause("cleanup")) {
                em.remove(stale);
            }

            // THEN
            assertThatThrownBy(em::flush).isInstanceOf(OptimisticLockException.class);
            em.getTransaction().rollback();
        }
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNull();
        assertThat(db.row("versioned_note", id).get("reason")).isNull();
    }
}
