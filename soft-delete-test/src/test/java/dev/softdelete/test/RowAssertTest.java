package dev.softdelete.test;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.test.model.KitAccount;
import dev.softdelete.test.model.KitLabel;
import dev.softdelete.test.model.KitNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.softdelete.test.KitDatabase.NOW;
import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowAssertTest {

    final KitDatabase db = new KitDatabase();

    @BeforeEach
    void twoAccountsOneDeleted() {
        db.sessionFactory.inTransaction(s -> {
            s.persist(new KitAccount(1L, "live"));
            s.persist(new KitAccount(2L, "gone"));
        });
        db.sessionFactory.inTransaction(s -> {
            try (SoftDeleteScope why = SoftDeleteSession.wrap(s).deletingBecause("spam")) {
                s.remove(s.find(KitAccount.class, 2L));
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void isSoftDeletedReadsTheTableAndChecksMarkerActorAndReason() {
        db.sessionFactory.inTransaction(s ->
                assertThat(s).row(KitAccount.class, 2L).exists().isSoftDeleted().wasDeletedAt(NOW)
                        .wasDeletedBy("alice").wasDeletedBecause("spam"));
    }

    @Test
    void isSoftDeletedFailsOnALiveRowShowingItsColumns() {
        db.sessionFactory.inTransaction(s ->
                assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 1L).isSoftDeleted())
                        .hasMessage("Expecting row KitAccount#1 in table kit_account [marker=null, deletedBy=null,"
                                + " reason=null] to be soft-deleted but its marker is null"));
    }

    @Test
    void isActivePassesOnALiveRowAndFailsOnADeletedOne() {
        db.sessionFactory.inTransaction(s -> {
            assertThat(s).row(KitAccount.class, 1L).isActive();
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 2L).isActive())
                    .hasMessage("Expecting row KitAccount#2 in table kit_account [marker=2026-03-01T10:15:30Z,"
                            + " deletedBy=alice, reason=spam] to be active but it was soft-deleted at 2026-03-01T10:15:30Z");
        });
    }

    @Test
    void actorReasonAndInstantMismatchesNameBothValues() {
        db.sessionFactory.inTransaction(s -> {
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 2L).wasDeletedBy("bob"))
                    .hasMessageEndingWith("to be deleted by <bob> but it was deleted by <alice>");
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 2L).wasDeletedBecause("fraud"))
                    .hasMessageEndingWith("to be deleted because <fraud> but the reason was <spam>");
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 2L).wasDeletedAt(NOW.plusSeconds(1)))
                    .hasMessageEndingWith("to be deleted at 2026-03-01T10:15:31Z but it was deleted at 2026-03-01T10:15:30Z");
        });
    }

    @Test
    void existsAndDoesNotExistSeeRowsWhateverTheirState() {
        db.sessionFactory.inTransaction(s -> {
            assertThat(s).row(KitAccount.class, 2L).exists();
            assertThat(s).row(KitAccount.class, 99L).doesNotExist();
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 99L).exists())
                    .hasMessage("Expecting a row for KitAccount#99 in table kit_account but there is none");
            assertThatThrownBy(() -> assertThat(s).row(KitAccount.class, 2L).doesNotExist())
                    .hasMessageStartingWith("Expecting no row for KitAccount#2 but found KitAccount#2 in table kit_account");
        });
    }

    @Test
    void theRowIgnoresTheScopeAndThePersistenceContext() {
        db.sessionFactory.inTransaction(s -> {
            KitAccount live = s.find(KitAccount.class, 1L);
            s.remove(live);
            // not flushed: the instance is removed in the persistence context, the row is still live
            assertThat(s).row(KitAccount.class, 1L).isActive();
            s.flush();
            SoftDeleteSession.wrap(s).onlyDeleted(() -> assertThat(s).row(KitAccount.class, 1L).isSoftDeleted());
        });
    }

    @Test
    void anEntityThatIsNotSoftDeletableIsRejected() {
        db.sessionFactory.inTransaction(s ->
                assertThatThrownBy(() -> assertThat(s).row(KitLabel.class, 1L))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("KitLabel is not soft-deletable"));
    }

    @Test
    void anEntityManagerIsAcceptedToo() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitNote(5L, "n")));
        try (var entityManager = db.sessionFactory.createEntityManager()) {
            assertThat((jakarta.persistence.EntityManager) entityManager).row(KitNote.class, 5L).isActive();
        }
    }
}
