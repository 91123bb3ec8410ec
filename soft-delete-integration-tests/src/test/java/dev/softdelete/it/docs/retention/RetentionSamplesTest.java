package dev.softdelete.it.docs.retention;

import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.docs.Audit;
import dev.softdelete.it.model.PurgeChild;
import dev.softdelete.it.model.PurgeGrandchild;
import dev.softdelete.it.model.PurgeParent;
import dev.softdelete.it.model.PurgeTag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/retention.md's samples: a purge run with its listener and report, and the GDPR anonymisation. */
class RetentionSamplesTest {

    static final Instant DELETED = Instant.parse("2026-04-01T00:00:00Z");
    static final MutableClock CLOCK = new MutableClock(DELETED);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeParent.class, PurgeChild.class,
            PurgeGrandchild.class, PurgeTag.class, Invoice.class).with(SoftDeleteSettings.CLOCK, CLOCK);

    private final Audit audit = new Audit();

    @BeforeEach
    void atTheDeletion() {
        CLOCK.set(DELETED);
    }

    @Test
    void thePurgeSampleDeletesChildrenFirstAndTellsTheAudit() {
        db.inTransaction(s -> {
            PurgeParent parent = new PurgeParent(1L);
            parent.child(10L).grandchild(100L);
            parent.child(11L);
            s.persist(parent);
        });
        db.inTransaction(s -> s.remove(s.find(PurgeParent.class, 1L)));
        CLOCK.set(DELETED.plus(Duration.ofDays(31)));
        SessionFactory sessionFactory = db.sessionFactory();

        // tag::retention-run[]
        PurgeReport report = Purger.of(sessionFactory)
                .batchSize(10_000)                         // rows per transaction (the default)
                .listener(batch -> audit.info("hard-deleted {} {} ids {} (deleted before {})",
                        batch.rows(), batch.entity().getSimpleName(), batch.ids(), batch.cutoff()))
                .run();
        report.rowsPerEntity();   // {class com.example.Comment=1200, class com.example.Post=80, class com.example.Blog=2}: by class, in purge order
        report.batches();         // transactions run
        report.duration();
        // end::retention-run[]

        Map<Class<?>, Long> purged = new LinkedHashMap<>(report.rowsPerEntity());
        purged.values().removeIf(rows -> rows == 0);
        assertThat(purged).containsExactly(Map.entry(PurgeGrandchild.class, 1L), Map.entry(PurgeChild.class, 2L),
                Map.entry(PurgeParent.class, 1L));
        assertThat(report.batches()).isEqualTo(3);
        assertThat(report.toString()).as("a log line with simple names").startsWith("purge: {")
                .contains("PurgeGrandchild=1, PurgeChild=2, PurgeParent=1").doesNotContain("class ");
        Instant cutoff = DELETED.plus(Duration.ofDays(1));
        assertThat(audit.lines()).containsExactly(
                "hard-deleted 1 PurgeGrandchild ids [100] (deleted before " + cutoff + ")",
                "hard-deleted 2 PurgeChild ids [10, 11] (deleted before " + cutoff + ")",
                "hard-deleted 1 PurgeParent ids [1] (deleted before " + cutoff + ")");
        assertThat(db.rows("select id from purge_parent")).isEmpty();
    }

    @Test
    void anonymisationKeepsTheDeletedRowWithoutItsPersonalData() {
        db.inTransaction(s -> {
            Invoice invoice = new Invoice();
            invoice.id = 7L;
            invoice.customerName = "Ann Smith";
            invoice.email = "ann@example.com";
            invoice.total = new BigDecimal("12.50");
            s.persist(invoice);
        });
        db.inTransaction(s -> s.remove(s.find(Invoice.class, 7L)));
        CLOCK.set(DELETED.plus(Duration.ofDays(31)));
        SessionFactory sessionFactory = db.sessionFactory();

        // tag::retention-anonymize-run[]

        Purger.of(sessionFactory).anonymizeInsteadOf(Invoice.class).run();
        // end::retention-anonymize-run[]

        assertThat(db.rows("select customer_name, email, total, deleted_at from invoice where id = 7")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("customer_name")).isNull();
                    assertThat(row.get("email")).isEqualTo("erased");
                    assertThat(((BigDecimal) row.get("total")).compareTo(new BigDecimal("12.50"))).isZero();
                    assertThat(row.get("deleted_at")).isNotNull();
                });
    }
}
