package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.StaleAsset;
import dev.softdelete.it.model.StaleCustomer;
import dev.softdelete.it.model.StaleLine;
import dev.softdelete.it.model.StaleVan;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A copy loaded while its row was live, changed and flushed after another transaction soft-deleted
 * the row, must fail as the update of a hard-deleted row does, and never write the row back to life
 * or erase who deleted it and why; without {@code @Version}, under JPA, after a cascade, on a JOINED
 * subclass's own table and after a pessimistic lock. Every outcome is read from the table.
 */
class StaleUpdateTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(StaleCustomer.class, StaleLine.class,
                    StaleAsset.class, StaleVan.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    private long carolWithOneLine() {
        return db.fromTransaction(s -> {
            StaleCustomer carol = new StaleCustomer("carol");
            carol.line(3);
            s.persist(carol);
            return carol.getId();
        });
    }

    private void removeInAnotherTransaction(long id, String reason) {
        db.inTransaction(s -> {
            try (var why = s.deletingBecause(reason)) {
                s.remove(s.find(StaleCustomer.class, id));
                s.flush();
            }
        });
    }

    private void assertCarolStillDeletedByAlice(long id) {
        Map<String, Object> row = db.row("stale_customer", id);
        assertThat(row.get("deleted_at")).as("marker").isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("delete_reason")).isEqualTo("gdpr request");
        assertThat(row.get("name")).isEqualTo("carol");
    }

    @Test
    void staleUpdateOfARowSoftDeletedMeanwhileFailsAndTheRowStaysDeleted() {
        long id = carolWithOneLine();
        try (Session session = db.sessionFactory().openSession()) {
            Transaction tx = session.beginTransaction();
            StaleCustomer stale = session.find(StaleCustomer.class, id);
            removeInAnotherTransaction(id, "gdpr request");

            stale.setName("carol renamed");

            assertThatThrownBy(session::flush).isInstanceOfAny(StaleStateException.class, OptimisticLockException.class);
            tx.rollback();
        }
        assertCarolStillDeletedByAlice(id);
        assertThat(db.rows("select id from stale_line where deleted_at is null")).isEmpty();
    }

    @Test
    void staleUpdateUnderJpaIsAnOptimisticLockException() {
        long id = carolWithOneLine();
        try (EntityManager em = db.sessionFactory().createEntityManager()) {
            em.getTransaction().begin();
            StaleCustomer stale = em.find(StaleCustomer.class, id);
            removeInAnotherTransaction(id, "gdpr request");

            stale.setName("carol renamed");

            assertThatThrownBy(em::flush).isInstanceOf(OptimisticLockException.class);
            em.getTransaction().rollback();
        }
        assertCarolStillDeletedByAlice(id);
    }

    @Test
    void staleUpdateOfAChildDeletedByItsParentsCascadeFails() {
        long id = carolWithOneLine();
        try (Session session = db.sessionFactory().openSession()) {
            Transaction tx = session.beginTransaction();
            StaleLine line = session.createQuery("from StaleLine", StaleLine.class).getSingleResult();
            removeInAnotherTransaction(id, "gdpr request");

            line.setQuantity(7);

            assertThatThrownBy(session::flush).isInstanceOfAny(StaleStateException.class, OptimisticLockException.class);
            tx.rollback();
        }
        assertThat(db.rows("select quantity from stale_line where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("quantity")).intValue()).containsExactly(3);
        assertThat(db.rows("select id from stale_line where deleted_at is null")).isEmpty();
    }

    @Test
    void staleUpdateOfOnlyAJoinedSubclassColumnFails() {
        db.inTransaction(s -> s.persist(new StaleVan(1L, "van", 1000)));
        try (Session session = db.sessionFactory().openSession()) {
            Transaction tx = session.beginTransaction();
            StaleVan stale = session.find(StaleVan.class, 1L);
            db.inTransaction(s -> s.remove(s.find(StaleAsset.class, 1L)));

            stale.setMileage(2000);

            assertThatThrownBy(session::flush).isInstanceOfAny(StaleStateException.class, OptimisticLockException.class);
            tx.rollback();
        }
        assertThat(db.rows("select mileage from stale_van where asset_id = ?", 1L))
                .extracting(row -> ((Number) row.get("mileage")).intValue()).containsExactly(1000);
        assertThat(db.row("stale_asset", 1L).get("deleted_at")).isNotNull();
    }

    @Test
    void updateAfterAPessimisticLockThatWaitedForTheDeleteFails() throws Exception {
        long id = carolWithOneLine();
        try (SoftDeleteSession deleting = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction delete = deleting.beginTransaction();
            CountDownLatch loaded = new CountDownLatch(1);
            CountDownLatch deleteFlushed = new CountDownLatch(1);
            Future<Throwable> update = other.submit(() -> {
                try (Session updating = db.sessionFactory().openSession()) {
                    Transaction tx = updating.beginTransaction();
                    StaleCustomer stale = updating.find(StaleCustomer.class, id);
                    loaded.countDown();
                    deleteFlushed.await(10, TimeUnit.SECONDS);
                    try {
                        // waits for the delete's row lock, then goes on with a copy loaded before the delete
                        updating.lock(stale, LockModeType.PESSIMISTIC_WRITE);
                        stale.setName("carol renamed");
                        updating.flush();
                        tx.commit();
                        return null;
                    }
                    catch (RuntimeException refused) {
                        tx.rollback();
                        return refused;
                    }
                }
            });
            assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
            try (var why = deleting.deletingBecause("gdpr request")) {
                deleting.remove(deleting.find(StaleCustomer.class, id));
                deleting.flush();
            }
            deleteFlushed.countDown();
            LockWaits.awaitBlockedOrDone(db, update, 10, TimeUnit.SECONDS);
            delete.commit();

            assertThat(update.get(20, TimeUnit.SECONDS)).as("the update after the lock").isNotNull()
                    .isInstanceOfAny(StaleStateException.class, OptimisticLockException.class,
                            jakarta.persistence.PessimisticLockException.class);
        }
        assertCarolStillDeletedByAlice(id);
    }

    @Test
    void anAdminUpdatesADeletedRowInsideUnfilteredAndTheRowStaysDeleted() {
        long id = carolWithOneLine();
        removeInAnotherTransaction(id, "gdpr request");

        var recorded = db.record(() -> db.inTransaction(s -> {
            try (var all = s.unfiltered()) {
                s.find(StaleCustomer.class, id).setName("carol (archived)");
                s.flush();
            }
        }));

        Map<String, Object> row = db.row("stale_customer", id);
        assertThat(row.get("name")).isEqualTo("carol (archived)");
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("delete_reason")).isEqualTo("gdpr request");
        assertThat(recorded.count(StatementKind.UPDATE, "stale_customer")).isEqualTo(1);
    }

    @Test
    void anUpdateOfALiveRowNeverWritesTheMarkerActorOrReason() {
        long id = carolWithOneLine();

        var recorded = db.record(() -> db.inTransaction(s -> s.find(StaleCustomer.class, id).setName("caroline")));

        assertThat(db.row("stale_customer", id).get("name")).isEqualTo("caroline");
        assertThat(recorded.statements()).filteredOn(st -> st.kind() == StatementKind.UPDATE).singleElement()
                .satisfies(st -> assertThat(st.sql().toLowerCase())
                        .doesNotContain("deleted_at=").doesNotContain("deleted_at =")
                        .doesNotContain("deleted_by").doesNotContain("delete_reason"));
    }

    @Test
    void clearingTheMarkerInMemoryIsRefusedAndTheRowStaysDeleted() {
        long id = carolWithOneLine();
        removeInAnotherTransaction(id, "gdpr request");

        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction tx = session.beginTransaction();
            try (var all = session.unfiltered()) {
                StaleCustomer carol = session.find(StaleCustomer.class, id);
                carol.setDeletedAt(null);
                carol.setDeletedBy(null);
                assertThatThrownBy(session::flush).isInstanceOf(HibernateException.class)
                        .hasMessageContaining("StaleCustomer#deletedAt")
                        .hasMessageContaining("restore(");
            }
            tx.rollback();
        }
        assertCarolStillDeletedByAlice(id);
    }

    @Test
    void aBulkUpdateInTheDefaultScopeLeavesDeletedRowsAlone() {
        long id = carolWithOneLine();
        long dave = db.fromTransaction(s -> {
            StaleCustomer customer = new StaleCustomer("dave");
            s.persist(customer);
            return customer.getId();
        });
        removeInAnotherTransaction(id, "gdpr request");

        int renamed = db.fromTransaction(s -> s.createMutationQuery("update StaleCustomer set name = 'x'").executeUpdate());
        int revived = db.fromTransaction(s -> s.createMutationQuery(
                "update StaleCustomer set deletedAt = null where id = :id").setParameter("id", id).executeUpdate());

        assertThat(renamed).isEqualTo(1);
        assertThat(revived).isZero();
        assertThat(db.row("stale_customer", dave).get("name")).isEqualTo("x");
        assertCarolStillDeletedByAlice(id);
    }
}
