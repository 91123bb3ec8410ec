package dev.softdelete.it.delete;

import dev.softdelete.it.model.OptLockCard;
import dev.softdelete.it.model.OptLockMemo;
import dev.softdelete.it.model.OptLockNote;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A versionless entity with {@code @OptimisticLocking(type = ALL | DIRTY)}: Hibernate's own delete
 * applies only to the row as it was loaded, and fails as stale when another transaction changed it
 * since. The soft delete must keep that check: a remove of a copy changed meanwhile fails, and the row
 * stays live with the other transaction's change; an unchanged copy is marked by one UPDATE.
 */
class StateLockedDeleteTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(OptLockNote.class, OptLockMemo.class, OptLockCard.class);

    /** Loads the row, lets another transaction run {@code meanwhile}, then removes the copy loaded first. */
    private static <T> void removeStaleCopy(Class<T> type, long id, BiConsumer<T, Session> meanwhile) {
        try (Session session = db.sessionFactory().openSession()) {
            session.beginTransaction();
            T stale = session.find(type, id);
            db.inTransaction(other -> meanwhile.accept(other.find(type, id), other));

            session.remove(stale);
            assertThatThrownBy(session::flush).isInstanceOfAny(StaleStateException.class, OptimisticLockException.class);
            session.getTransaction().rollback();
        }
    }

    @Test
    void removeOfACopyChangedMeanwhileFailsAndTheRowStaysLive() {
        db.inTransaction(s -> s.persist(new OptLockNote(1L, "draft")));

        removeStaleCopy(OptLockNote.class, 1L, (note, other) -> note.setTitle("final"));

        assertThat(db.row("opt_lock_note", 1L)).containsEntry("title", "final").containsEntry("deleted_at", null);
    }

    @Test
    void removeOfAnUnchangedCopyIsOneUpdateRestrictedToTheLoadedState() {
        db.inTransaction(s -> s.persist(new OptLockNote(2L, "draft")));

        var recorded = db.record(() -> db.inTransaction(s -> s.remove(s.find(OptLockNote.class, 2L))));

        assertThat(recorded.count(StatementKind.UPDATE, "opt_lock_note")).isEqualTo(1);
        assertThat(recorded.count(StatementKind.DELETE)).isZero();
        assertThat(recorded.statements()).filteredOn(st -> st.kind() == StatementKind.UPDATE).singleElement()
                .satisfies(st -> assertThat(st.sql()).contains("title = ?").contains("body is null"));
        assertThat(db.row("opt_lock_note", 2L).get("deleted_at")).isNotNull();
    }

    @Test
    void dirtyLockingChecksTheLoadedStateOnRemoveAsHibernateDoes() {
        db.inTransaction(s -> s.persist(new OptLockMemo(3L, "draft")));

        removeStaleCopy(OptLockMemo.class, 3L, (memo, other) -> memo.setTitle("final"));

        assertThat(db.row("opt_lock_memo", 3L)).containsEntry("title", "final").containsEntry("deleted_at", null);
        db.inTransaction(s -> s.remove(s.find(OptLockMemo.class, 3L)));
        assertThat(db.row("opt_lock_memo", 3L).get("deleted_at")).isNotNull();
    }

    @Test
    void aChangeToOnlyASecondaryTableColumnFailsTheRemove() {
        db.inTransaction(s -> s.persist(new OptLockCard(4L, "card", 10)));

        removeStaleCopy(OptLockCard.class, 4L, (card, other) -> card.setPayload(12));

        assertThat(db.row("opt_lock_card", 4L).get("deleted_at")).isNull();
        assertThat(db.rows("select payload from opt_lock_card_detail where id = ?", 4L)).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("payload")).intValue()).isEqualTo(12));
        db.inTransaction(s -> s.remove(s.find(OptLockCard.class, 4L)));
        assertThat(db.row("opt_lock_card", 4L).get("deleted_at")).isNotNull();
    }

    @Test
    void aCardWithoutASecondaryRowIsRemovedAndOneInsertedMeanwhileFailsTheRemove() {
        db.inTransaction(s -> s.persist(new OptLockCard(6L, "no detail", null)));
        db.inTransaction(s -> s.persist(new OptLockCard(7L, "no detail yet", null)));
        assertThat(db.rows("select id from opt_lock_card_detail where id in (6, 7)")).isEmpty();

        removeStaleCopy(OptLockCard.class, 7L, (card, other) -> card.setPayload(3));
        db.inTransaction(s -> s.remove(s.find(OptLockCard.class, 6L)));

        assertThat(db.row("opt_lock_card", 7L).get("deleted_at")).isNull();
        assertThat(db.row("opt_lock_card", 6L).get("deleted_at")).isNotNull();
    }

    @Test
    void underJpaTheStaleRemoveIsAnOptimisticLockException() {
        db.inTransaction(s -> s.persist(new OptLockNote(5L, "draft")));
        try (EntityManager em = db.sessionFactory().createEntityManager()) {
            em.getTransaction().begin();
            OptLockNote stale = em.find(OptLockNote.class, 5L);
            db.inTransaction(other -> other.find(OptLockNote.class, 5L).setTitle("final"));

            em.remove(stale);
            assertThatThrownBy(em::flush).isInstanceOf(OptimisticLockException.class);
            em.getTransaction().rollback();
        }
        assertThat(db.row("opt_lock_note", 5L).get("deleted_at")).isNull();
    }
}
