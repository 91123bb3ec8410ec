package dev.softdelete.it.boot;

import dev.softdelete.SoftDelete;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings read at bootstrap: the off switch, the clock, and a bad clock value. */
class SoftDeleteSettingsBootTest {

    static final Instant FACTORY_CLOCK = Instant.parse("2026-01-01T00:00:00Z");

    /** Owns the schema of {@link ClockNote} and reads its table; the factories under test reuse it. */
    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(ClockNote.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(FACTORY_CLOCK));

    private static SessionFactory factoryOnTheSameSchema(Map<String, Object> settings, SqlRecorder sql) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(AvailableSettings.HBM2DDL_AUTO, "none");
        return TestSessionFactory.build(sql.wrap(TestDatabase.current().dataSource()), all, List.of(ClockNote.class));
    }

    @Test
    void enabledFalseMakesRemoveARealDelete() {
        // GIVEN
        db.inTransaction(s -> s.persist(new ClockNote(1L, "hello")));
        SqlRecorder sql = SqlRecorder.create();
        try (SessionFactory off = factoryOnTheSameSchema(Map.of(SoftDeleteSettings.ENABLED, "false"), sql)) {

            // WHEN
            off.inTransaction(s -> s.remove(s.find(ClockNote.class, 1L)));
        }

        // THEN
        assertThat(sql.count(StatementKind.DELETE, "boot_clock_note")).as(sql.dump()).isEqualTo(1);
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isZero();
        assertThat(db.countRows("boot_clock_note")).isZero();
    }

    @Test
    void enabledFalseShowsRowsThatWereSoftDeleted() {
        // GIVEN
        db.inTransaction(s -> s.persist(new ClockNote(1L, "hello")));
        db.inTransaction(s -> s.remove(s.find(ClockNote.class, 1L)));

        // WHEN
        try (SessionFactory off = factoryOnTheSameSchema(Map.of(SoftDeleteSettings.ENABLED, "false"), SqlRecorder.create())) {
            long count = off.fromTransaction(s -> s.createQuery("select count(n) from BootClockNote n", Long.class)
                    .getSingleResult());

            // THEN
            assertThat(count).isEqualTo(1L);
        }
    }

    @Test
    void twoFactoriesInOneJvmUseTheirOwnClocks() {
        // GIVEN two factories on the same tables with different clocks
        db.inTransaction(s -> {
            s.persist(new ClockNote(1L, "first"));
            s.persist(new ClockNote(2L, "second"));
        });
        Instant early = Instant.parse("2020-05-05T05:05:05Z");
        Instant late = Instant.parse("2030-06-06T06:06:06Z");
        try (SessionFactory a = factoryOnTheSameSchema(Map.of(SoftDeleteSettings.CLOCK, new MutableClock(early)),
                SqlRecorder.create());
             SessionFactory b = factoryOnTheSameSchema(Map.of(SoftDeleteSettings.CLOCK, new MutableClock(late)),
                     SqlRecorder.create())) {

            // WHEN each deletes one row, interleaved
            a.inTransaction(s -> s.remove(s.find(ClockNote.class, 1L)));
            b.inTransaction(s -> s.remove(s.find(ClockNote.class, 2L)));
        }
        // ... and the extension's own factory, built first, deletes nothing but still has its clock
        db.inTransaction(s -> s.persist(new ClockNote(3L, "third")));
        db.inTransaction(s -> s.remove(s.find(ClockNote.class, 3L)));

        // THEN
        assertThat(Columns.instant(db.row("boot_clock_note", 1L).get("deleted_at"))).isEqualTo(early);
        assertThat(Columns.instant(db.row("boot_clock_note", 2L).get("deleted_at"))).isEqualTo(late);
        assertThat(Columns.instant(db.row("boot_clock_note", 3L).get("deleted_at"))).isEqualTo(FACTORY_CLOCK);
    }

    @Test
    void aClockSettingThatIsNotAClockFailsWithAClearMessage() {
        assertThatThrownBy(() -> factoryOnTheSameSchema(
                Map.of(SoftDeleteSettings.CLOCK, "2026-01-01T00:00:00Z"), SqlRecorder.create()).close())
                .hasMessageContaining("softdelete.clock")
                .hasMessageContaining("must be a java.time.Clock instance")
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void scopesOnAFactoryWithSoftDeleteOffAreHarmless() {
        // GIVEN
        db.inTransaction(s -> s.persist(new ClockNote(1L, "hello")));
        try (SessionFactory off = factoryOnTheSameSchema(Map.of(SoftDeleteSettings.ENABLED, "false"), SqlRecorder.create())) {

            // WHEN
            long count = off.fromTransaction(session -> {
                SoftDeleteSession s = SoftDeleteSession.wrap(session);
                return s.onlyDeleted(() -> s.createQuery("select count(n) from BootClockNote n", Long.class)
                        .getSingleResult());
            });

            // THEN
            assertThat(count).isEqualTo(1L);
        }
    }

    @Entity(name = "BootClockNote")
    @Table(name = "boot_clock_note")
    @SoftDelete
    static class ClockNote {
        @Id
        Long id;
        String text;
        Instant deletedAt;

        protected ClockNote() {
        }

        ClockNote(Long id, String text) {
            this.id = id;
            this.text = text;
        }
    }
}
