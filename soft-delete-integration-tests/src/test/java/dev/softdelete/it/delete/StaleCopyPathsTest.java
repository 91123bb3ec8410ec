package dev.softdelete.it.delete;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.StaleAsset;
import dev.softdelete.it.model.StaleCustomer;
import dev.softdelete.it.model.StaleLine;
import dev.softdelete.it.model.StaleVan;
import dev.softdelete.it.model.TpcDocument;
import dev.softdelete.it.model.TpcInvoice;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.StatementKind;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * The paths besides a flushed update by which an application re-reads or writes a copy loaded while
 * its row was live, after another transaction soft-deleted the row: {@code refresh} (Session and
 * StatelessSession), a StatelessSession's {@code update} and {@code upsert}. None brings the row back
 * or changes who deleted it and why; each outcome is read from the table.
 */
class StaleCopyPathsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(StaleCustomer.class, StaleLine.class,
                    StaleAsset.class, StaleVan.class, TpcDocument.class, TpcInvoice.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    private final ExecutorService upserting = Executors.newSingleThreadExecutor();
    private final ExecutorService deleting = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        upserting.shutdownNow();
        deleting.shutdownNow();
    }

    private long carol() {
        return db.fromTransaction(s -> {
            StaleCustomer carol = new StaleCustomer("carol");
            s.persist(carol);
            return carol.getId();
        });
    }

    private void removeInAnotherTransaction(Class<?> type, long id) {
        db.inTransaction(s -> {
            try (var why = s.deletingBecause("gdpr request")) {
                s.remove(s.find(type, id));
            }
        });
    }

    private Map<String, Object> assertStillDeletedByAlice(long id) {
        Map<String, Object> row = db.row("stale_customer", id);
        assertThat(row.get("deleted_at")).as("marker").isNotNull();
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("delete_reason")).isEqualTo("gdpr request");
        return row;
    }

    private static void stateless(Consumer<StatelessSession> work) {
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.beginTransaction();
            work.accept(session);
            session.getTransaction().commit();
        }
    }

    /**
     * The copy is read, then its transaction ends: a refresh in the next one reads the row as it is now
     * on every database (MariaDB's repeatable read would otherwise serve the transaction's first snapshot,
     * where the row was live, as it would for a hard-deleted row).
     */
    @Test
    void refreshOfARowSoftDeletedMeanwhileFailsAsForAHardDeletedRow() {
        long soft = carol();
        long hard = carol();
        try (Session session = db.sessionFactory().openSession()) {
            StaleCustomer softCopy = session.fromTransaction(tx -> session.find(StaleCustomer.class, soft));
            StaleCustomer hardCopy = session.fromTransaction(tx -> session.find(StaleCustomer.class, hard));
            removeInAnotherTransaction(StaleCustomer.class, soft);
            db.update("delete from stale_customer where id = ?", hard);

            RuntimeException hardFailure = session.fromTransaction(tx -> catchRuntimeException(() -> session.refresh(hardCopy)));
            RuntimeException softFailure = session.fromTransaction(tx -> catchRuntimeException(() -> session.refresh(softCopy)));

            assertThat(hardFailure).as("refresh of the hard-deleted row").isNotNull();
            assertThat(softFailure).as("refresh of the soft-deleted row").isExactlyInstanceOf(hardFailure.getClass());
            assertThat(softCopy.getDeletedAt()).as("the copy was not filled from the deleted row").isNull();
        }
        assertStillDeletedByAlice(soft);
    }

    @Test
    void statelessRefreshOfARowSoftDeletedMeanwhileFails() {
        long id = carol();
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            StaleCustomer stale = session.fromTransaction(tx -> session.get(StaleCustomer.class, id));
            removeInAnotherTransaction(StaleCustomer.class, id);

            session.inTransaction(tx -> assertThatThrownBy(() -> session.refresh(stale)).hasMessageContaining("No row"));
            assertThat(stale.getDeletedAt()).isNull();
        }
        assertStillDeletedByAlice(id);
    }

    @Test
    void statelessUpdateOfAStaleCopyFailsAndTheRowStaysDeleted() {
        long id = carol();
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.beginTransaction();
            StaleCustomer stale = session.get(StaleCustomer.class, id);
            removeInAnotherTransaction(StaleCustomer.class, id);
            stale.setName("carol renamed");

            assertThatThrownBy(() -> session.update(stale)).isInstanceOf(StaleStateException.class);
            session.getTransaction().rollback();
        }
        assertThat(assertStillDeletedByAlice(id).get("name")).isEqualTo("carol");
    }

    /**
     * An upsert writes the state it is given whatever the row holds (its contract), so it updates the
     * deleted row's own columns; the row stays in the trash with its marker, actor and reason (Hibernate's
     * merge alone wrote the copy's nulls into them), and the copy is told so.
     */
    @Test
    void statelessUpsertOfAStaleCopyLeavesTheRowDeleted() {
        long id = carol();
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.beginTransaction();
            StaleCustomer stale = session.get(StaleCustomer.class, id);
            removeInAnotherTransaction(StaleCustomer.class, id);
            stale.setName("carol upserted");

            var recorded = db.record(() -> session.upsert(stale));
            session.getTransaction().commit();

            assertThat(recorded.count(StatementKind.DELETE)).isZero();
            assertThat(stale.getDeletedAt()).as("the copy now holds the row's marker").isNotNull();
            assertThat(stale.getDeletedBy()).isEqualTo("alice");
        }
        assertThat(assertStillDeletedByAlice(id).get("name")).isEqualTo("carol upserted");
        assertThat(db.countRows("stale_customer")).isEqualTo(1);
    }

    /** A marker set in memory does not delete through an upsert (no cascade, no history, no actor). */
    @Test
    void statelessUpsertOfACopyCarryingAMarkerLeavesALiveRowLive() {
        long id = carol();
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.beginTransaction();
            StaleCustomer copy = session.get(StaleCustomer.class, id);
            copy.setDeletedAt(Instant.now());
            copy.setDeletedBy("mallory");

            session.upsert(copy);
            session.getTransaction().commit();

            assertThat(copy.getDeletedAt()).isNull();
            assertThat(copy.getDeletedBy()).isNull();
        }
        Map<String, Object> row = db.row("stale_customer", id);
        assertThat(row.get("deleted_at")).isNull();
        assertThat(row.get("deleted_by")).isNull();
        assertThat(db.rows("select id from stale_customer where deleted_at is null")).hasSize(1);
    }

    /**
     * An import that upserts fresh instances, one over a JOINED subclass's deleted row (both tables
     * written, the row still deleted), one new.
     */
    @Test
    void statelessUpsertOfAJoinedSubclassKeepsItsDeletedRowDeletedAndInsertsANewOne() {
        db.inTransaction(s -> s.persist(new StaleVan(7L, "van", 100)));
        removeInAnotherTransaction(StaleAsset.class, 7L);

        // upsertMultiple batches the statements: each locking read runs while the batch is pending
        stateless(s -> s.upsertMultiple(List.of(new StaleVan(7L, "van (imported)", 250), new StaleVan(8L, "new van", 10))));

        assertThat(db.row("stale_asset", 7L)).containsEntry("label", "van (imported)").extractingByKey("deleted_at").isNotNull();
        assertThat(db.rows("select mileage from stale_van where asset_id = ?", 7L)).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("mileage")).intValue()).isEqualTo(250));
        assertThat(db.row("stale_asset", 8L)).containsEntry("label", "new van").containsEntry("deleted_at", null);
    }

    @Test
    void statelessUpsertOfATablePerClassSubclassKeepsItsDeletedRowDeleted() {
        db.inTransaction(s -> s.persist(new TpcInvoice(5L, "march", 1200)));
        removeInAnotherTransaction(TpcDocument.class, 5L);

        stateless(s -> s.upsert(new TpcInvoice(5L, "march (imported)", 1300)));

        Map<String, Object> row = db.row("tpc_invoice", 5L);
        assertThat(row).containsEntry("title", "march (imported)").containsEntry("deleted_by", "alice");
        assertThat(row.get("deleted_at")).isNotNull();
    }

    /**
     * The upsert stops after it read the row's state and before its own statement; a delete in another
     * transaction must wait for it (the read locked the row), then mark the row: the row ends deleted, with
     * the upsert's name. Had the read not locked, the delete would have committed in between and the
     * upsert's statement written the live state it read over it.
     */
    @Test
    void aDeleteRacingAnUpsertWaitsForItAndTheRowEndsDeleted() throws Exception {
        long id = carol();
        StatementPause pause = StatementPause.before(1, sql -> {
            String lower = sql.toLowerCase(Locale.ROOT);
            return lower.startsWith("merge") || lower.startsWith("insert");
        });
        Future<?> upsert = upserting.submit(() -> {
            try (StatelessSession session = db.sessionFactory().withStatelessOptions().statementInspector(pause)
                    .openStatelessSession()) {
                session.inTransaction(tx -> {
                    StaleCustomer copy = session.get(StaleCustomer.class, id);
                    copy.setName("carol upserted");
                    session.upsert(copy);
                });
            }
        });
        assertThat(pause.awaitPaused()).as("the upsert read the row's state").isTrue();
        Future<?> delete = deleting.submit(() -> removeInAnotherTransaction(StaleCustomer.class, id));

        assertThat(LockWaits.awaitBlockedOrDone(db, delete, 10, TimeUnit.SECONDS))
                .as("the delete waits for the upsert's transaction").isTrue();
        pause.resume();
        upsert.get(30, TimeUnit.SECONDS);
        delete.get(30, TimeUnit.SECONDS);

        assertThat(assertStillDeletedByAlice(id).get("name")).isEqualTo("carol upserted");
    }
}
