package dev.softdelete.it.tenant;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.TenantNote;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code @TenantId}, a session sees only its tenant's rows; the library's own operations by id or
 * over a set (restore, restoreAll, restoreDeletedSince, hardDelete, the previews) work below Hibernate's
 * filters, so they must keep to the session's tenant too: tenant a must not bring back, erase or count a
 * row of tenant b, even by its id. Every outcome is read from the table.
 */
class TenantIsolationTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(TenantNote.class)
            .with(SoftDeleteSettings.RETENTION_DEFAULT, "P1D");

    private static final long A1 = 1;
    private static final long A2 = 2;
    private static final long B1 = 11;
    private static final long B2 = 12;

    private Instant before;

    private static <T> T as(String tenant, Function<SoftDeleteSession, T> work) {
        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().withOptions()
                .tenantIdentifier(tenant).openSession())) {
            return session.fromTransaction(tx -> work.apply(session));
        }
    }

    private static void persistAndDelete(String tenant, long... ids) {
        as(tenant, s -> {
            for (long id : ids) {
                s.persist(new TenantNote(id, tenant + id));
            }
            return null;
        });
        as(tenant, s -> {
            for (long id : ids) {
                s.remove(s.find(TenantNote.class, id));
            }
            return null;
        });
    }

    /** Tenant a and tenant b each have two soft-deleted notes. */
    @BeforeEach
    void twoTenantsWithDeletedNotes() {
        before = Instant.now().minusSeconds(60);
        persistAndDelete("a", A1, A2);
        persistAndDelete("b", B1, B2);
    }

    private static List<Object> liveIds() {
        return db.rows("select id from tenant_note where deleted_at is null order by id").stream()
                .map(row -> (Object) ((Number) row.get("id")).longValue()).toList();
    }

    @Test
    void restoreOfAnotherTenantsRowByIdIsFalseAndLeavesItDeleted() {
        boolean restoredById = as("a", s -> s.restore(TenantNote.class, B1));
        TenantNote detachedOfB = as("b", s -> s.unfiltered(() -> s.find(TenantNote.class, B2)));
        boolean restoredDetached = as("a", s -> s.restore(detachedOfB));

        assertThat(restoredById).isFalse();
        assertThat(restoredDetached).isFalse();

        assertThat(liveIds()).isEmpty();
        boolean restoredByItsTenant = as("b", s -> s.restore(TenantNote.class, B1));
        assertThat(restoredByItsTenant).isTrue();
        assertThat(liveIds()).containsExactly(B1);
    }

    @Test
    void restoreAllRestoresOnlyTheSessionsTenantsRows() {
        int restored = as("a", s -> s.restoreAll(TenantNote.class, List.of(A1, B1, B2)));

        assertThat(restored).isEqualTo(1);
        assertThat(liveIds()).containsExactly(A1);
    }

    @Test
    void restoreDeletedSinceRestoresOnlyTheSessionsTenantsRows() {
        int restored = as("a", s -> s.restoreDeletedSince(TenantNote.class, before));

        assertThat(restored).isEqualTo(2);
        assertThat(liveIds()).containsExactly(A1, A2);
    }

    @Test
    void hardDeleteOfAnotherTenantsRowIsFalseAndErasesNothing() {
        TenantNote detachedOfB = as("b", s -> s.unfiltered(() -> s.find(TenantNote.class, B2)));

        boolean erasedById = as("a", s -> s.hardDelete(TenantNote.class, B1));
        boolean erasedDetached = as("a", s -> s.hardDelete(detachedOfB));

        assertThat(erasedById).isFalse();
        assertThat(erasedDetached).isFalse();
        assertThat(db.countRows("tenant_note")).isEqualTo(4);
        boolean erasedOwn = as("a", s -> s.hardDelete(TenantNote.class, A1));
        assertThat(erasedOwn).isTrue();
        assertThat(db.countRows("tenant_note")).isEqualTo(3);
    }

    @Test
    void previewsOfAnotherTenantsRowCountNothing() {
        Impact restore = as("a", s -> s.previewRestore(TenantNote.class, B1));
        as("b", s -> s.restore(TenantNote.class, B2));
        Impact delete = as("a", s -> s.previewDelete(TenantNote.class, B2));

        assertThat(restore.rows()).isEmpty();
        assertThat(delete.rows()).isEmpty();
        assertThat(as("b", s -> s.previewDelete(TenantNote.class, B2)).rows()).isNotEmpty();
    }

    /** Hibernate opens no session of this factory without a tenant: the purge says how to give it one. */
    @Test
    void thePurgeAsksForATenantIdentifierAndPurgesNothingWithoutOne() {
        Purger purger = Purger.of(db.sessionFactory()).clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));

        assertThatThrownBy(purger::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Purger.tenantIdentifier(");
        assertThat(db.countRows("tenant_note")).isEqualTo(4);
    }

    /** Retention is the application's policy: the purge covers the due rows of every tenant. */
    @Test
    void thePurgeCoversTheDueRowsOfEveryTenant() {
        as("a", s -> {
            s.persist(new TenantNote(3L, "live"));
            return null;
        });

        PurgeReport report = Purger.of(db.sessionFactory()).tenantIdentifier("a")
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(2))).run();

        assertThat(report.rowsPerEntity()).containsEntry(TenantNote.class, 4L);
        assertThat(db.rows("select id from tenant_note")).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("id")).longValue()).isEqualTo(3L));
    }
}
