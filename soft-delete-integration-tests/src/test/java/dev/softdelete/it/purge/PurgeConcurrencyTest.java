package dev.softdelete.it.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.model.PurgeItemNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances purging the same rows at once. */
class PurgeConcurrencyTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final int ROWS = 10_000;

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeItem.class, PurgeItemNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(AvailableSettings.STATEMENT_BATCH_SIZE, 500);

    private static void deletedItems() {
        CLOCK.set(NOW.minus(Duration.ofDays(8)));
        db.sessionFactory().inStatelessTransaction(s -> {
            for (long id = 1; id <= ROWS; id++) {
                s.insert(new PurgeItem(id));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeItem").executeUpdate());
    }

    @Test
    void twoPurgersOverTheSameRowsDeleteEachRowOnceAndTheirTotalsAddUp() throws Exception {
        deletedItems();
        ConcurrentLinkedQueue<Object> deletedIds = new ConcurrentLinkedQueue<>();

        List<PurgeReport> reports = twoPurgers(deletedIds);

        long total = reports.get(0).rowsPerEntity().get(PurgeItem.class)
                + reports.get(1).rowsPerEntity().get(PurgeItem.class);
        assertThat(total).isEqualTo(ROWS);
        assertThat(deletedIds).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void twoPurgersWithoutListenersDeleteEveryRowAndTheirTotalsAddUp() throws Exception {
        deletedItems();

        List<PurgeReport> reports = twoPurgers(null);

        long total = reports.get(0).rowsPerEntity().get(PurgeItem.class)
                + reports.get(1).rowsPerEntity().get(PurgeItem.class);
        assertThat(total).isEqualTo(ROWS);
        assertThat(db.countRows("purge_item")).isZero();
    }

    /** Runs two purgers at once; each reports the ids it deleted to {@code deletedIds}, unless null. */
    private static List<PurgeReport> twoPurgers(ConcurrentLinkedQueue<Object> deletedIds) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<PurgeReport>> runs =
                    List.of(purgeOn(threads, start, deletedIds), purgeOn(threads, start, deletedIds));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            return List.of(runs.get(0).get(), runs.get(1).get());
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static CompletableFuture<PurgeReport> purgeOn(ExecutorService threads, CyclicBarrier start,
            ConcurrentLinkedQueue<Object> deletedIds) {
        return CompletableFuture.supplyAsync(() -> {
            Purger purger = Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).batchSize(500);
            if (deletedIds != null) {
                purger.listener((PurgeBatch batch) -> deletedIds.addAll(batch.ids()));
            }
            try {
                start.await(30, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException("the other purger did not start", e);
            }
            return purger.run();
        }, threads);
    }
}
