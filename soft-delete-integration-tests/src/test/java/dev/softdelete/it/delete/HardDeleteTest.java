package dev.softdelete.it.delete;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hardDelete(e)} is the one way to erase a soft-deletable row. */
class HardDeleteTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(Instant.parse("2026-03-01T10:15:30Z")));

    private Long persistNote(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    @Test
    void hardDeleteIssuesExactlyOneDeleteAndTheRowIsGone() {
        // GIVEN
        Long id = persistNote("secret");
        Long other = persistNote("keep");

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.hardDelete(s.find(VersionedNote.class, id))));

        // THEN
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql.count(StatementKind.DELETE, "versioned_note")).as(sql.dump()).isEqualTo(1);
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isZero();
        assertThat(db.row("versioned_note", id)).isNull();
        assertThat(db.row("versioned_note", other)).isNotNull();
    }

    @Test
    void hardDeleteErasesARowThatWasSoftDeletedBefore() {
        // GIVEN
        Long id = persistNote("secret");
        db.inTransaction(s -> s.remove(s.find(VersionedNote.class, id)));

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.hardDelete(s.unfiltered(() -> s.find(VersionedNote.class, id)))));

        // THEN
        assertThat(sql.count(StatementKind.DELETE, "versioned_note")).as(sql.dump()).isEqualTo(1);
        assertThat(db.countRows("versioned_note")).isZero();
    }

    @Test
    void hardDeleteOfOneEntityDoesNotTurnALaterRemoveInTheSameFlushIntoADelete() {
        // GIVEN
        Long erased = persistNote("secret");
        Long kept = persistNote("keep");

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            s.hardDelete(s.find(VersionedNote.class, erased));
            s.remove(s.find(VersionedNote.class, kept));
        }));

        // THEN
        assertThat(sql.count(StatementKind.DELETE, "versioned_note")).as(sql.dump()).isEqualTo(1);
        assertThat(sql.count(StatementKind.UPDATE, "versioned_note")).as(sql.dump()).isEqualTo(1);
        assertThat(db.row("versioned_note", erased)).isNull();
        assertThat(db.row("versioned_note", kept).get("deleted_at")).isNotNull();
    }
}
