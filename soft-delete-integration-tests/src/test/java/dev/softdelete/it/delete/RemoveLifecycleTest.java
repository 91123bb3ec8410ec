package dev.softdelete.it.delete;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.model.VersionedSticker;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A removed entity moves through the JPA life cycle without a deleted row coming back by accident. */
class RemoveLifecycleTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class, VersionedSticker.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW));

    private Long persistNote(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    @Test
    void removedThenPersistedAgainBeforeTheFlushStaysLiveWithoutAnyUpdate() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            VersionedNote note = s.find(VersionedNote.class, id);
            s.remove(note);
            s.persist(note);
        }));

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isZero();
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        Map<String, Object> row = db.row("versioned_note", id);
        assertThat(row.get("deleted_at")).isNull();
        assertThat(((Number) row.get("version")).longValue()).isZero();
    }

    @Test
    void removedThenPersistedAgainIsStillFoundInTheSession() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN / THEN
        db.inTransaction(s -> {
            VersionedNote note = s.find(VersionedNote.class, id);
            s.remove(note);
            s.persist(note);
            s.flush();
            assertThat(s.contains(note)).isTrue();
            assertThat(note.getDeletedAt()).isNull();
        });
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNull();
    }

    @Test
    void mergeOfAVersionedInstanceAfterItsSoftDeleteFailsAndDoesNotResurrectIt() {
        // GIVEN a note soft-deleted and flushed, then detached
        Long id = persistNote("hello");
        VersionedNote detached = db.fromTransaction(s -> {
            VersionedNote note = s.find(VersionedNote.class, id);
            s.remove(note);
            return note;
        });

        // WHEN / THEN: Hibernate looks the row up through the filtered loader, finds none, and
        // since the version says the instance is detached, reports it as deleted by someone else
        assertThatThrownBy(() -> db.inTransaction(s -> s.merge(detached)))
                .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);
        assertThat(db.countRows("versioned_note")).isEqualTo(1);
        assertThat(Columns.instant(db.row("versioned_note", id).get("deleted_at"))).isEqualTo(NOW);
    }

    @Test
    void mergeOfAnAssignedIdInstanceAfterItsSoftDeleteDoesNotResurrectItNorAddASecondRow() {
        // GIVEN an unversioned entity with an assigned id, soft-deleted and detached
        VersionedSticker detached = db.fromTransaction(s -> {
            VersionedSticker sticker = new VersionedSticker(7L, "hello");
            s.persist(sticker);
            s.flush();
            s.remove(sticker);
            return sticker;
        });

        // WHEN Hibernate cannot tell it from a new instance and tries to insert it again
        Throwable failure = catchThrowable(() ->
                db.inTransaction(s -> s.merge(detached)));

        // THEN whatever happens, the table still holds one deleted row 7
        assertThat(db.countRows("versioned_sticker")).isEqualTo(1);
        assertThat(Columns.instant(db.row("versioned_sticker", 7L).get("deleted_at"))).isEqualTo(NOW);
        // observed on H2, PostgreSQL and MariaDB: the INSERT of the copy hits the primary key
        assertThat(failure).as("merge must not succeed silently").isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void removedThenRestoredInTheSameSessionEndsLive() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        boolean restored = db.fromTransaction(s -> {
            VersionedNote note = s.find(VersionedNote.class, id);
            s.remove(note);
            return s.restore(note);
        });

        // THEN
        assertThat(restored).isTrue();
        Map<String, Object> row = db.row("versioned_note", id);
        assertThat(row.get("deleted_at")).isNull();
        assertThat(row.get("deleted_by")).isNull();
        assertThat(db.countRows("versioned_note")).isEqualTo(1);
    }
}
