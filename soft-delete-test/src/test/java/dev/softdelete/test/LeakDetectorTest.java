package dev.softdelete.test;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.test.model.KitAccount;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeakDetectorTest {

    final KitDatabase db = new KitDatabase();

    @BeforeEach
    void oneAccountAndDetection() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitAccount(1L, "a")));
        db.sql.detectLeaks(db.sessionFactory, LeakMode.COLLECT).reset();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNativeSelectOfASoftDeletableTableIsALeak() {
        db.sessionFactory.inTransaction(s -> s.createNativeQuery("select * from kit_account", Object[].class).list());

        assertThat(db.sql.leaks()).extracting(SoftDeleteLeak::table).containsExactly("kit_account");
        assertThatThrownBy(() -> assertThat(db.sql).hasNoLeaks())
                .hasMessage(String.format("Expected no soft-delete leak but found 1:%n  - table kit_account read without its"
                        + " soft-delete predicate: select * from kit_account"));
    }

    @Test
    void theLibrarysFilteredSqlIsNoLeak() {
        db.sessionFactory.inTransaction(s -> {
            s.find(KitAccount.class, 1L);
            s.createQuery("from KitAccount", KitAccount.class).list();
            s.createNativeQuery("select a.id from kit_account a where a.deleted_at is null", Long.class).list();
        });

        assertThat(db.sql).hasNoLeaks();
        assertThat(db.sql.count(StatementKind.SELECT)).isEqualTo(3);
    }

    @Test
    void aMarkerComparedWithAParameterChoosesDeletedRowsAndIsNoLeak() {
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        db.sessionFactory.inTransaction(s -> {
            s.createNativeQuery("select id from kit_account where deleted_at = ? and id in (?)", Long.class)
                    .setParameter(1, at).setParameter(2, 1L).list();
            s.createNativeQuery("select a.id from kit_account a where a.deleted_at < ?", Long.class)
                    .setParameter(1, at).list();
        });

        assertThat(db.sql.leaks()).isEmpty();
    }

    @Test
    void aMarkerComparedWithALiteralIsStillALeak() {
        db.sessionFactory.inTransaction(s -> s.createNativeQuery(
                "select a.id from kit_account a where a.deleted_at = a.deleted_at", Long.class).list());

        assertThat(db.sql.leaks()).hasSize(1);
    }

    @Test
    void aJoinWithoutThePredicateOnOneOccurrenceIsALeak() {
        db.sessionFactory.inTransaction(s -> s.createNativeQuery("select a.id from kit_account a join kit_account b"
                + " on b.id = a.id where a.deleted_at is null", Long.class).list());

        assertThat(db.sql.leaks()).hasSize(1);
    }

    @Test
    void statementsOfAScopeAwareSessionInsideUnfilteredAreNoLeak() {
        try (Session session = db.sql.openSession(db.sessionFactory)) {
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            s.unfiltered(() -> s.createQuery("from KitAccount", KitAccount.class).list());
            s.unfiltered(() -> s.createNativeQuery("select * from kit_account", Object[].class).list());
            s.onlyDeleted(() -> s.createNativeQuery("select * from kit_account", Object[].class).list());
        }

        assertThat(db.sql).hasNoLeaks();
        assertThat(db.sql.count(StatementKind.SELECT, "kit_account")).isEqualTo(3);
    }

    @Test
    void theSameNativeSelectOutsideTheScopeIsStillALeak() {
        try (Session session = db.sql.openSession(db.sessionFactory)) {
            session.createNativeQuery("select * from kit_account", Object[].class).list();
        }

        assertThat(db.sql.leaks()).extracting(SoftDeleteLeak::table).containsExactly("kit_account");
    }

    @Test
    void logModeKeepsNothing() {
        db.sql.detectLeaks(db.sessionFactory, LeakMode.LOG);

        db.sessionFactory.inTransaction(s -> s.createNativeQuery("select * from kit_account", Object[].class).list());

        assertThat(db.sql.leaks()).isEmpty();
        assertThat(db.sql.statements()).isEmpty();
    }
}
