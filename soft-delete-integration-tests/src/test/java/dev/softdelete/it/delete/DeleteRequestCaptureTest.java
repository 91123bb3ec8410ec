package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a soft delete records is fixed when {@code remove()} is called (actor, reason) or once per
 * flush (the instant), never per statement or at commit.
 */
class DeleteRequestCaptureTest {

    static final Instant START = Instant.parse("2026-03-01T10:15:30Z");
    static final SteppingClock CLOCK = new SteppingClock(START, Duration.ofSeconds(1));
    static final AtomicReference<String> ACTOR = new AtomicReference<>("alice");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) ACTOR::get);

    @AfterEach
    void resetActor() {
        ACTOR.set("alice");
    }

    private Long persistNote(String text) {
        return db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote(text);
            s.persist(note);
            return note.getId();
        });
    }

    @Test
    void twoRemovesInOneFlushShareOneInstantEvenWhenTheClockMovesOnEveryRead() {
        // GIVEN
        Long first = persistNote("first");
        Long second = persistNote("second");
        int readsBefore = CLOCK.reads();

        // WHEN
        db.inTransaction(s -> {
            s.remove(s.find(VersionedNote.class, first));
            s.remove(s.find(VersionedNote.class, second));
        });

        // THEN
        Instant firstMarker = Columns.instant(db.row("versioned_note", first).get("deleted_at"));
        Instant secondMarker = Columns.instant(db.row("versioned_note", second).get("deleted_at"));
        assertThat(firstMarker).isNotNull().isEqualTo(secondMarker);
        assertThat(CLOCK.reads() - readsBefore).as("clock reads for one flush").isEqualTo(1);
    }

    @Test
    void removesInTwoFlushesGetTwoInstants() {
        // GIVEN
        Long first = persistNote("first");
        Long second = persistNote("second");

        // WHEN
        db.inTransaction(s -> {
            s.remove(s.find(VersionedNote.class, first));
            s.flush();
            s.remove(s.find(VersionedNote.class, second));
        });

        // THEN
        Instant firstMarker = Columns.instant(db.row("versioned_note", first).get("deleted_at"));
        Instant secondMarker = Columns.instant(db.row("versioned_note", second).get("deleted_at"));
        assertThat(secondMarker).isAfter(firstMarker);
    }

    @Test
    void reasonIsTheOneInEffectAtRemoveEvenWhenTheFlushRunsUnderAnotherReason() {
        // GIVEN
        Long id = persistNote("spam offer");

        // WHEN the scope closes before the flush, which runs inside another reason's scope
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(VersionedNote.class, id));
            }
            try (SoftDeleteScope other = s.deletingBecause("cleanup")) {
                s.flush();
            }
        });

        // THEN
        assertThat(db.row("versioned_note", id).get("reason")).isEqualTo("spam");
    }

    @Test
    void reasonSurvivesAFlushAtCommitAfterTheScopeClosed() {
        // GIVEN
        Long id = persistNote("spam offer");

        // WHEN
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(VersionedNote.class, id));
            }
        });

        // THEN
        assertThat(db.row("versioned_note", id).get("reason")).isEqualTo("spam");
    }

    @Test
    void actorIsTheOneInEffectAtRemoveEvenIfTheProviderChangesBeforeTheFlush() {
        // GIVEN
        Long id = persistNote("hello");

        // WHEN
        db.inTransaction(s -> {
            s.remove(s.find(VersionedNote.class, id));
            ACTOR.set("bob");
        });

        // THEN
        assertThat(db.row("versioned_note", id).get("deleted_by")).isEqualTo("alice");
    }

    @Test
    void eachRemoveKeepsItsOwnActorAndReasonWithinOneFlush() {
        // GIVEN
        Long first = persistNote("first");
        Long second = persistNote("second");

        // WHEN
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(VersionedNote.class, first));
            }
            ACTOR.set("bob");
            try (SoftDeleteScope why = s.deletingBecause("duplicate")) {
                s.remove(s.find(VersionedNote.class, second));
            }
            ACTOR.set("carol");
        });

        // THEN
        assertThat(db.row("versioned_note", first)).containsEntry("deleted_by", "alice").containsEntry("reason", "spam");
        assertThat(db.row("versioned_note", second)).containsEntry("deleted_by", "bob").containsEntry("reason", "duplicate");
    }

    /** A clock that moves on by a fixed step every time it is read, to expose extra reads. */
    static final class SteppingClock extends Clock {
        private final Duration step;
        private final AtomicInteger reads = new AtomicInteger();
        private volatile Instant next;

        SteppingClock(Instant start, Duration step) {
            this.next = start;
            this.step = step;
        }

        int reads() {
            return reads.get();
        }

        @Override
        public synchronized Instant instant() {
            reads.incrementAndGet();
            Instant now = next;
            next = next.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock is always UTC");
        }
    }
}
