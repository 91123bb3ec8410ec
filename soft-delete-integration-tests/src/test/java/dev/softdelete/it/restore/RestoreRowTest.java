package dev.softdelete.it.restore;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedAuditEntry;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restoring one row: {@code restore(entity)} and {@code restore(Class, id)}. */
class RestoreRowTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class, VersionedAuditEntry.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(Instant.parse("2026-03-01T10:15:30Z")))
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private Long persistNote(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    /** Soft-deletes the note with actor and reason; returns the detached, marked instance. */
    private VersionedNote deleteBecauseSpam(Long id) {
        return db.fromTransaction(s -> {
            VersionedNote note = s.find(VersionedNote.class, id);
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(note);
            }
            return note;
        });
    }

    private static void assertLive(Map<String, Object> row) {
        assertThat(row).isNotNull();
        assertThat(row.get("deleted_at")).isNull();
        assertThat(row.get("deleted_by")).isNull();
        assertThat(row.get("reason")).isNull();
    }

    @Test
    void restoreOfADetachedEntityClearsMarkerActorAndReasonAndReturnsTrue() {
        // GIVEN
        Long id = persistNote("hello");
        VersionedNote detached = deleteBecauseSpam(id);
        assertThat(db.row("versioned_note", id).get("reason")).isEqualTo("spam");

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(detached));

        // THEN
        assertThat(restored).isTrue();
        assertLive(db.row("versioned_note", id));
        assertThat(detached.getDeletedAt()).isNull();
        assertThat(detached.getDeletedBy()).isNull();
        assertThat(detached.getReason()).isNull();
    }

    @Test
    void restoreByClassAndIdClearsMarkerActorAndReasonAndReturnsTrue() {
        // GIVEN
        Long id = persistNote("hello");
        deleteBecauseSpam(id);

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(VersionedNote.class, id));

        // THEN
        assertThat(restored).isTrue();
        assertLive(db.row("versioned_note", id));
        VersionedNote found = db.fromTransaction(s -> s.find(VersionedNote.class, id));
        assertThat(found).isNotNull();
    }

    @Test
    void restoreOfALiveEntityReturnsFalseAndChangesNothing() {
        // GIVEN
        Long id = persistNote("hello");
        VersionedNote live = db.fromTransaction(s -> s.find(VersionedNote.class, id));
        Map<String, Object> before = db.row("versioned_note", id);

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(live));

        // THEN
        assertThat(restored).isFalse();
        assertThat(db.row("versioned_note", id)).isEqualTo(before);
    }

    @Test
    void restoreByClassAndIdOfALiveRowReturnsFalseAndChangesNothing() {
        // GIVEN
        Long id = persistNote("hello");
        Map<String, Object> before = db.row("versioned_note", id);

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(VersionedNote.class, id));

        // THEN
        assertThat(restored).isFalse();
        assertThat(db.row("versioned_note", id)).isEqualTo(before);
    }

    @Test
    void restoreByClassAndIdOfAMissingRowReturnsFalse() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(VersionedNote.class, id + 1000));

        // THEN
        assertThat(restored).isFalse();
        assertThat(db.countRows("versioned_note")).isEqualTo(1);
    }

    @Test
    void managedInstanceLoadedInUnfilteredScopeReflectsTheRestore() {
        // GIVEN
        Long id = persistNote("hello");
        deleteBecauseSpam(id);

        db.inTransaction(s -> {
            VersionedNote managed = s.unfiltered(() -> s.find(VersionedNote.class, id));
            assertThat(managed.getDeletedAt()).isNotNull();
            long versionBefore = managed.getVersion();

            // WHEN
            boolean restored = s.restore(managed);

            // THEN the same instance says what the table says, and the default view finds it
            assertThat(restored).isTrue();
            assertThat(managed.getDeletedAt()).isNull();
            assertThat(managed.getDeletedBy()).isNull();
            assertThat(managed.getReason()).isNull();
            assertThat(managed.getVersion()).isGreaterThan(versionBefore);
            assertThat(s.find(VersionedNote.class, id)).isSameAs(managed);
            assertThat(s.createQuery("select n.text from VersionedNote n", String.class).list()).containsExactly("hello");
        });
        assertLive(db.row("versioned_note", id));
    }

    @Test
    void restoreByClassAndIdRefreshesTheManagedInstance() {
        // GIVEN
        Long id = persistNote("hello");
        deleteBecauseSpam(id);

        db.inTransaction(s -> {
            VersionedNote managed = s.unfiltered(() -> s.find(VersionedNote.class, id));

            // WHEN
            s.restore(VersionedNote.class, id);

            // THEN
            assertThat(managed.getDeletedAt()).isNull();
            assertThat(s.find(VersionedNote.class, id)).isSameAs(managed);
        });
    }

    @Test
    void restoreOfANonSoftDeletableEntityNamesIt() {
        // GIVEN
        VersionedAuditEntry entry = db.fromTransaction(s -> {
            VersionedAuditEntry e = new VersionedAuditEntry("login");
            s.persist(e);
            return e;
        });

        // WHEN / THEN
        db.inTransaction(s -> assertThatThrownBy(() -> s.restore(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VersionedAuditEntry.class.getName())
                .hasMessageContaining("not soft-deletable")
                .hasMessageContaining("@dev.softdelete.SoftDelete"));
    }

    @Test
    void restoreByClassOfANonSoftDeletableEntityNamesIt() {
        // GIVEN
        Long id = db.fromTransaction(s -> {
            VersionedAuditEntry e = new VersionedAuditEntry("login");
            s.persist(e);
            return e.getId();
        });

        // WHEN / THEN
        db.inTransaction(s -> assertThatThrownBy(() -> s.restore(VersionedAuditEntry.class, id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VersionedAuditEntry.class.getName())
                .hasMessageContaining("not soft-deletable"));
        assertThat(db.row("versioned_audit_entry", id)).containsEntry("message", "login");
    }

    @Test
    void restoreByClassWithANullIdSaysToPassTheIdAndChangesNothing() {
        Long id = persistNote("hello");
        deleteBecauseSpam(id);

        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(VersionedNote.class, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restore(VersionedNote.class, null)").hasMessageContaining("pass the id");
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNotNull();
    }

    @Test
    void restoreOfAClassThatIsNoEntityNamesIt() {
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(String.class, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an entity of this SessionFactory");
        assertThatThrownBy(() -> db.inTransaction(s -> s.restoreDeletedSince(String.class, Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an entity");
    }

    @Test
    void restoreWithAnIdOfAnotherTypeConvertsItAsFindDoesOrNamesBothTypes() {
        Long id = persistNote("hello");
        deleteBecauseSpam(id);

        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(VersionedNote.class, "not a number")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has ids of type Long, got not a number (String)");
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNotNull();

        boolean restored = db.fromTransaction(s -> s.restore(VersionedNote.class, id.intValue()));

        assertThat(restored).isTrue();
        assertThat(db.row("versioned_note", id).get("deleted_at")).isNull();
    }
}
