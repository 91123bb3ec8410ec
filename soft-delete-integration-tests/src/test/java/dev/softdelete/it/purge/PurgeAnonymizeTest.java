package dev.softdelete.it.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.PurgeInvoice;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GDPR erasure: rows that must stay have their {@code @Anonymize} attributes overwritten instead. */
class PurgeAnonymizeTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(40));
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeInvoice.class, PurgeItem.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    /** Invoice 1 deleted 40 days ago, 2 deleted 10 days ago, 3 live. */
    private void invoices() {
        CLOCK.set(OLD);
        db.inTransaction(s -> {
            for (long id = 1; id <= 3; id++) {
                s.persist(new PurgeInvoice(id, "name " + id, "mail" + id + "@example.com", new BigDecimal("12.50")));
            }
        });
        db.inTransaction(s -> s.remove(s.find(PurgeInvoice.class, 1L)));
        CLOCK.set(NOW.minus(Duration.ofDays(10)));
        db.inTransaction(s -> s.remove(s.find(PurgeInvoice.class, 2L)));
        CLOCK.set(NOW);
    }

    private static Purger purger() {
        return Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .only(PurgeInvoice.class).anonymizeInsteadOf(PurgeInvoice.class);
    }

    @Test
    void overwritesExactlyTheMarkedAttributesAndKeepsTheRow() {
        invoices();

        SqlRecorder sql = db.record(() -> purger().run());

        Map<String, Object> row = db.row("purge_invoice", 1L);
        assertThat(row.get("customer_name")).isNull();
        assertThat(row.get("email")).isEqualTo("erased");
        assertThat(row.get("phone")).isEqualTo("desare"); // "erased" as its converter stores it
        assertThat(new BigDecimal(row.get("total").toString())).isEqualByComparingTo("12.50");
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(OLD);
        assertThat(sql.count(StatementKind.DELETE)).isZero();
        assertThat(sql.count(StatementKind.UPDATE, "purge_invoice")).isEqualTo(1);
    }

    @Test
    void leavesRecentlyDeletedAndLiveRowsAsTheyWere() {
        invoices();

        purger().run();

        assertThat(db.row("purge_invoice", 2L)).containsEntry("customer_name", "name 2")
                .containsEntry("email", "mail2@example.com");
        assertThat(db.row("purge_invoice", 3L)).containsEntry("customer_name", "name 3")
                .containsEntry("email", "mail3@example.com");
    }

    @Test
    void aRerunDoesNotSelectRowsWhoseConvertedAttributeHoldsItsReplacement() {
        invoices();
        purger().run();
        List<PurgeBatch> selected = new ArrayList<>();

        PurgeReport second = purger().listener(new PurgeListener() {
            @Override
            public void batchDone(PurgeBatch batch) {
            }

            @Override
            public void beforeBatch(PurgeBatch batch) {
                selected.add(batch);
            }
        }).run();

        assertThat(selected).isEmpty();
        assertThat(second.batches()).isZero();
    }

    @Test
    void reportsAnonymisedRowsAndDoesNotCountThemAgainOnTheNextRun() {
        invoices();
        List<PurgeBatch> batches = new ArrayList<>();

        PurgeReport first = purger().listener(batches::add).run();
        PurgeReport second = purger().run();

        assertThat(first.rowsPerEntity()).containsEntry(PurgeInvoice.class, 1L);
        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.anonymized()).isTrue();
            assertThat(batch.ids()).containsExactly(1L);
        });
        assertThat(second.rowsPerEntity()).containsEntry(PurgeInvoice.class, 0L);
        assertThat(second.batches()).isZero();
    }

    @Test
    void anEntityWithoutAnonymizeAttributesIsRefused() {
        assertThatThrownBy(() -> Purger.of(db.sessionFactory()).anonymizeInsteadOf(PurgeItem.class).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PurgeItem.class.getName()
                        + ": anonymizeInsteadOf needs at least one attribute marked @dev.softdelete.Anonymize");
    }
}
