package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.VersionedBoard;
import dev.softdelete.it.model.VersionedPin;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cascade moves the {@code @Version} of every child it marks or restores on, as an update through
 * Hibernate would: a copy of a child read before, in another session, can then no longer write its
 * old marker back.
 */
class CascadeVersionTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedBoard.class, VersionedPin.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private record Board(Long id, List<Long> pins) {
    }

    private static Board boardWithPins(int pins) {
        return db.fromTransaction(s -> {
            VersionedBoard board = new VersionedBoard("board");
            for (int i = 0; i < pins; i++) {
                board.pin("pin " + i);
            }
            s.persist(board);
            s.flush();
            return new Board(board.getId(), board.getPins().stream().map(VersionedPin::getId).toList());
        });
    }

    private static long versionOf(Long pin) {
        return ((Number) db.row("versioned_pin", pin).get("version")).longValue();
    }

    @Test
    void theCascadeIncrementsTheVersionOfEachMarkedChild() {
        Board board = boardWithPins(3);

        db.inTransaction(s -> s.remove(s.find(VersionedBoard.class, board.id())));

        assertThat(board.pins()).allSatisfy(pin -> {
            assertThat(db.row("versioned_pin", pin).get("deleted_at")).isNotNull();
            assertThat(versionOf(pin)).isEqualTo(1L);
        });
    }

    @Test
    void aCopyReadInAnotherSessionBeforeTheCascadeCannotWriteTheChildBackToLife() {
        Board board = boardWithPins(2);
        Long pin = board.pins().get(0);
        try (Session other = db.sessionFactory().openSession()) {
            other.beginTransaction();
            VersionedPin stale = other.find(VersionedPin.class, pin);

            db.inTransaction(s -> s.remove(s.find(VersionedBoard.class, board.id())));

            stale.setLabel("edited by a stale copy");
            assertThatThrownBy(other::flush)
                    .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);
            other.getTransaction().rollback();
        }

        Map<String, Object> row = db.row("versioned_pin", pin);
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("label")).isEqualTo("pin 0");
    }

    @Test
    void aChildManagedByTheDeletingSessionFollowsItsRowAndCanStillBeEdited() {
        Board board = boardWithPins(2);
        Long pin = board.pins().get(0);

        db.inTransaction(s -> {
            VersionedPin managed = s.find(VersionedPin.class, pin);
            s.remove(s.find(VersionedBoard.class, board.id()));
            s.flush();
            assertThat(managed.getVersion()).isEqualTo(1L);
            managed.setLabel("edited after the cascade");
        });

        Map<String, Object> row = db.row("versioned_pin", pin);
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("label")).isEqualTo("edited after the cascade");
        assertThat(versionOf(pin)).isEqualTo(2L);
    }

    @Test
    void restoreIncrementsTheVersionAgainSoACopyReadWhileDeletedCannotDeleteTheChildAgain() {
        Board board = boardWithPins(2);
        Long pin = board.pins().get(0);
        db.inTransaction(s -> s.remove(s.find(VersionedBoard.class, board.id())));
        try (Session other = db.sessionFactory().openSession()) {
            other.beginTransaction();
            VersionedPin stale = SoftDeleteSession.wrap(other).unfiltered(() -> other.find(VersionedPin.class, pin));

            db.inTransaction(s -> s.restore(VersionedBoard.class, board.id()));

            stale.setLabel("edited by a copy read while deleted");
            assertThatThrownBy(other::flush)
                    .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);
            other.getTransaction().rollback();
        }

        assertThat(db.row("versioned_pin", pin).get("deleted_at")).isNull();
        assertThat(versionOf(pin)).isEqualTo(2L);
    }
}
