package dev.softdelete.it.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeException;
import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.model.PurgeItemNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batching, re-checked cutoffs and failures of the purge, over items kept seven days. */
class PurgeBatchTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(8));
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeItem.class, PurgeItemNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    /** Items 1..count, deleted eight days ago. */
    private void deletedItems(int count) {
        CLOCK.set(OLD);
        db.inTransaction(s -> {
            for (long id = 1; id <= count; id++) {
                s.persist(new PurgeItem(id));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeItem").executeUpdate());
        CLOCK.set(NOW);
    }

    private static Purger purger() {
        return Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<Long> itemIds() {
        return db.rows("select id from purge_item order by id").stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    @Test
    void batchSizeTwoOverSevenRowsRunsFourBatches() {
        deletedItems(7);
        List<PurgeBatch> batches = new ArrayList<>();

        SqlRecorder sql = db.record(() -> {
            PurgeReport report = purger().batchSize(2).listener(batches::add).run();
            assertThat(report.batches()).isEqualTo(4);
            assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 7L);
        });

        assertThat(batches).extracting(PurgeBatch::rows).containsExactly(2L, 2L, 2L, 1L);
        assertThat(batches).extracting(PurgeBatch::number).containsExactly(1, 2, 3, 4);
        assertThat(batches.get(1).ids()).containsExactly(3L, 4L);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.cutoff()).isEqualTo(NOW.minus(Duration.ofDays(7))));
        assertThat(sql.count(StatementKind.DELETE, "purge_item")).isEqualTo(4);
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void withoutAListenerEachBatchIsOneDelete() {
        deletedItems(7);

        SqlRecorder sql = db.record(() -> {
            PurgeReport report = purger().batchSize(2).run();
            assertThat(report.batches()).isEqualTo(4);
            assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 7L);
        });

        // two reads in all (the lowest and highest due id; the key closing the first batch), then the
        // ranges (0, 2], (2, 4], (4, 6], (6, 7], each as wide as the last one's density asks
        assertThat(sql.count(StatementKind.SELECT, "purge_item")).isEqualTo(2);
        assertThat(sql.count(StatementKind.DELETE, "purge_item")).isEqualTo(4);
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void withoutAListenerAFullLastBatchIsNotFollowedByAnEmptyOne() {
        deletedItems(8);

        PurgeReport report = purger().batchSize(2).run();

        assertThat(report.batches()).isEqualTo(4);
        assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 8L);
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void withoutAListenerARangeThatWouldTakeMoreThanABatchIsRolledBackAndNarrowed() {
        // due: 2, 4, then 5..9; live: 1, 3. The first batch (ids up to 4) holds 2 due rows in 3 ids, so
        // the next range is guessed 3 ids wide, (4, 7]: 3 rows, more than a batch of 2
        CLOCK.set(OLD);
        db.inTransaction(s -> {
            for (long id : new long[] {2, 4, 5, 6, 7, 8, 9}) {
                s.persist(new PurgeItem(id));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeItem").executeUpdate());
        CLOCK.set(NOW);
        db.inTransaction(s -> {
            s.persist(new PurgeItem(1L));
            s.persist(new PurgeItem(3L));
        });

        SqlRecorder sql = db.record(() -> {
            PurgeReport report = purger().batchSize(2).run();
            assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 7L);
            // committed batches never exceed 2 rows: (0, 4], (4, 5], (5, 7], (7, 9]
            assertThat(report.batches()).isEqualTo(4);
        });

        // (4, 7] was tried and rolled back
        assertThat(sql.count(StatementKind.DELETE, "purge_item")).isEqualTo(5);
        assertThat(itemIds()).containsExactly(1L, 3L);
    }

    @Test
    void withoutAListenerSparseDueRowsAreBatchedByReadingEachClosingKey() {
        // due: 1, 10, 20, 30, 40; a range guessed from (0, 10] would be 9 ids wide: more than 2 batches
        CLOCK.set(OLD);
        db.inTransaction(s -> {
            for (long id : new long[] {1, 10, 20, 30, 40}) {
                s.persist(new PurgeItem(id));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeItem").executeUpdate());

        SqlRecorder sql = db.record(() -> {
            PurgeReport report = purger().batchSize(2).run();
            assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 5L);
            assertThat(report.batches()).isEqualTo(3);
        });

        assertThat(sql.count(StatementKind.DELETE, "purge_item")).isEqualTo(3);
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void liveAndRecentlyDeletedRowsInsideABatchRangeAreNotDeleted() {
        deletedItems(7);
        db.inTransaction(s -> s.restore(PurgeItem.class, 4L));
        CLOCK.set(NOW.minus(Duration.ofDays(1)));
        db.inTransaction(s -> s.remove(s.find(PurgeItem.class, 4L)));
        db.inTransaction(s -> s.restore(PurgeItem.class, 5L));

        PurgeReport report = purger().batchSize(10).run();

        assertThat(itemIds()).containsExactly(4L, 5L);
        assertThat(db.row("purge_item", 5L).get("deleted_at")).isNull();
        assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 5L);
    }

    @Test
    void rowRestoredBetweenSelectionAndDeletionSurvives() {
        deletedItems(4);
        List<PurgeBatch> done = new ArrayList<>();
        PurgeListener restoresItemTwo = new PurgeListener() {
            @Override
            public void beforeBatch(PurgeBatch selected) {
                if (selected.number() == 1) {
                    assertThat(selected.ids()).contains(2L);
                    db.inTransaction(s -> s.restore(PurgeItem.class, 2L));
                }
            }

            @Override
            public void batchDone(PurgeBatch batch) {
                done.add(batch);
            }
        };

        PurgeReport report = purger().batchSize(4).listener(restoresItemTwo).run();

        assertThat(itemIds()).containsExactly(2L);
        assertThat(db.row("purge_item", 2L).get("deleted_at")).isNull();
        assertThat(done).singleElement().satisfies(batch -> {
            assertThat(batch.ids()).containsExactly(1L, 3L, 4L);
            assertThat(batch.rows()).isEqualTo(3L);
        });
        assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 3L);
    }

    @Test
    void dryRunDeletesNothingAndCountsTheSameBatches() {
        deletedItems(7);

        SqlRecorder sql = db.record(() -> {
            PurgeReport report = purger().batchSize(2).dryRun().run();
            assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 7L);
            assertThat(report.batches()).isEqualTo(4);
        });

        assertThat(sql.count(StatementKind.DELETE)).isZero();
        assertThat(db.countRows("purge_item")).isEqualTo(7);
    }

    /** A listener whose beforeBatch fails on the given batch: nothing of that batch may change. */
    private static PurgeListener failingBefore(int number) {
        return new PurgeListener() {
            @Override
            public void beforeBatch(PurgeBatch selected) {
                if (selected.number() == number) {
                    throw new IllegalStateException("audit log is down");
                }
            }

            @Override
            public void batchDone(PurgeBatch batch) {
            }
        };
    }

    @Test
    void failureInABatchKeepsEarlierBatchesNamesEntityAndBatchAndReportsWhatWasCommitted() {
        deletedItems(7);

        assertThatThrownBy(() -> purger().batchSize(2).listener(failingBefore(3)).run())
                .isInstanceOfSatisfying(PurgeException.class, e -> {
                    assertThat(e.entity()).isEqualTo(PurgeItem.class);
                    assertThat(e.batch()).isEqualTo(3);
                    assertThat(e.report().rowsPerEntity()).containsEntry(PurgeItem.class, 4L);
                    assertThat(e.report().batches()).isEqualTo(2);
                })
                .hasMessageContaining("softdelete purge of " + PurgeItem.class.getName() + ": batch 3 (ids 5 to 6")
                .hasMessageContaining("The 2 batches before it (4 rows)")
                .hasMessageContaining("run the purge again");

        assertThat(itemIds()).containsExactly(5L, 6L, 7L);
    }

    @Test
    void rerunAfterAFailureCompletesThePurge() {
        deletedItems(7);
        assertThatThrownBy(() -> purger().batchSize(2).listener(failingBefore(3)).run())
                .isInstanceOf(PurgeException.class);

        PurgeReport report = purger().batchSize(2).run();

        assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 3L);
        assertThat(report.batches()).isEqualTo(2);
        assertThat(db.countRows("purge_item")).isZero();
    }

    @Test
    void aRowReferencedFromATableThatIsNotSoftDeletableIsKeptAndTheRunGoesOn() {
        deletedItems(7);
        db.inTransaction(s -> s.persist(new PurgeItemNote(1L, s.getReference(PurgeItem.class, 5L))));

        PurgeReport report = purger().batchSize(2).run();

        assertThat(report.rowsPerEntity()).containsEntry(PurgeItem.class, 6L);
        assertThat(itemIds()).containsExactly(5L);
        assertThat(db.countRows("purge_item_note")).isEqualTo(1);
    }

    @Test
    void listenerFailureStopsTheRunAfterItsBatchCommitted() {
        deletedItems(7);

        assertThatThrownBy(() -> purger().batchSize(2).listener(batch -> {
            if (batch.number() == 2) {
                throw new IllegalStateException("audit log is down");
            }
        }).run())
                .isInstanceOfSatisfying(PurgeException.class,
                        e -> assertThat(e.report().rowsPerEntity()).containsEntry(PurgeItem.class, 4L))
                .hasMessageContaining("batch 2 (ids 3 to 4")
                .hasMessageContaining("was committed, then its listener failed: audit log is down");

        assertThat(itemIds()).containsExactly(5L, 6L, 7L);
    }

    @Test
    void onlyRefusesAClassThatIsNotSoftDeletable() {
        assertThatThrownBy(() -> purger().only(PurgeItemNote.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softdelete: Purger.only(...): " + PurgeItemNote.class.getName()
                        + " is not a @SoftDelete entity");
    }
}
