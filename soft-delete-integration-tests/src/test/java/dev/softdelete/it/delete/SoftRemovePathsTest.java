package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedBoard;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.model.VersionedPin;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way an application deletes one entity ends as one marker UPDATE and never a DELETE. */
class SoftRemovePathsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class, VersionedBoard.class, VersionedPin.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private Long persistNote(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    private void assertMarkedAtNow(String table, Long id) {
        Map<String, Object> row = db.row(table, id);
        assertThat(row).as("row %s of %s", id, table).isNotNull();
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
    }

    @Test
    void removeOfALoadedEntityIssuesExactlyOneUpdateAndNoDelete() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(VersionedNote.class, id))));

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).hasUpdates("versioned_note", 1);
    }

    @Test
    void removeKeepsTheRowWithClockInstantActorAndIncrementedVersion() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        db.inTransaction(s -> s.remove(s.find(VersionedNote.class, id)));

        // THEN
        Map<String, Object> row = db.row("versioned_note", id);
        assertThat(row).isNotNull();
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("reason")).isNull();
        assertThat(row.get("text")).isEqualTo("hello");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1L);
    }

    @Test
    void removeThroughAJpaEntityManagerIsASoftDelete() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        SqlRecorder sql = db.record(() -> {
            try (EntityManager em = db.sessionFactory().createEntityManager()) {
                em.getTransaction().begin();
                em.remove(em.find(VersionedNote.class, id));
                em.getTransaction().commit();
            }
        });

        // THEN
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        assertMarkedAtNow("versioned_note", id);
        assertThat(db.row("versioned_note", id).get("deleted_by")).isEqualTo("alice");
    }

    @Test
    void orphanRemovalSoftDeletesTheChild() {
        // GIVEN
        Long[] ids = db.fromTransaction(s -> {
            VersionedBoard board = new VersionedBoard("sprint");
            VersionedPin first = board.pin("first");
            board.pin("second");
            s.persist(board);
            s.flush();
            return new Long[] {board.getId(), first.getId()};
        });

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.find(VersionedBoard.class, ids[0]).getPins().remove(0)));

        // THEN
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_pin", 1);
        assertMarkedAtNow("versioned_pin", ids[1]);
        assertThat(db.countRows("versioned_pin")).isEqualTo(2);
        List<String> labels = db.fromTransaction(s -> s.find(VersionedBoard.class, ids[0]).getPins().stream()
                .map(VersionedPin::getLabel).toList());
        assertThat(labels).containsExactly("second");
    }

    @Test
    void statelessSessionDeleteIsASoftDelete() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        SqlRecorder sql = db.record(() -> db.sessionFactory().inStatelessTransaction(ss ->
                ss.delete(ss.get(VersionedNote.class, id))));

        // THEN
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        Map<String, Object> row = db.row("versioned_note", id);
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1L);
    }

    @Test
    void removeOfAnUninitializedReferenceIsASoftDelete() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.getReference(VersionedNote.class, id))));

        // THEN
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("versioned_note", 1);
        assertMarkedAtNow("versioned_note", id);
        assertThat(db.row("versioned_note", id).get("deleted_by")).isEqualTo("alice");
    }
}
