package dev.softdelete.it.tenant;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.TenantNote;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code @TenantId} and {@code softdelete.history=table}, the history says who deleted what and
 * why: a session of one tenant reads its own tenant's entries only, by row, by operation and by actor,
 * as it reads only its own rows. Both tenants' entries are in the table, read directly.
 */
class TenantHistoryTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(TenantNote.class)
            .with(SoftDeleteSettings.HISTORY, "table")
            .with(SoftDeleteSettings.RETENTION_DEFAULT, "P1D")
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "support-bot");

    private static <T> T as(String tenant, Function<SoftDeleteSession, T> work) {
        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().withOptions()
                .tenantIdentifier(tenant).openSession())) {
            return session.fromTransaction(tx -> work.apply(session));
        }
    }

    private static void persistAndDelete(String tenant, long id, String reason) {
        as(tenant, s -> {
            s.persist(new TenantNote(id, tenant + id));
            return null;
        });
        as(tenant, s -> {
            try (var why = s.deletingBecause(reason)) {
                s.remove(s.find(TenantNote.class, id));
            }
            return null;
        });
    }

    private static long operationOf(long id) {
        return ((Number) db.rows("select operation_id from softdelete_history where entity_id = ?", String.valueOf(id))
                .get(0).get("operation_id")).longValue();
    }

    @Test
    void aTenantReadsOnlyItsOwnTenantsHistory() {
        Instant from = Instant.now().minusSeconds(60);
        persistAndDelete("a", 1, "duplicate");
        persistAndDelete("b", 11, "customer asked for erasure");
        Instant to = Instant.now().plusSeconds(60);

        List<HistoryEntry> ofOwnRow = as("a", s -> s.history().ofRow(TenantNote.class, 1L));
        List<HistoryEntry> ofOtherRow = as("a", s -> s.history().ofRow(TenantNote.class, 11L));
        List<HistoryEntry> ofOtherOperation = as("a", s -> s.history().ofOperation(operationOf(11)));
        List<HistoryEntry> byActor = as("a", s -> s.history().ofActor("support-bot", from, to));

        assertThat(ofOwnRow).extracting(HistoryEntry::reason).containsExactly("duplicate");
        assertThat(ofOtherRow).isEmpty();
        assertThat(ofOtherOperation).isEmpty();
        assertThat(byActor).extracting(HistoryEntry::entityId).containsExactly("1");
        List<HistoryEntry> ofOwnRowOfB = as("b", s -> s.history().ofRow(TenantNote.class, 11L));
        assertThat(ofOwnRowOfB).extracting(HistoryEntry::reason).containsExactly("customer asked for erasure");
        assertThat(db.rows("select tenant_id from softdelete_history order by tenant_id"))
                .extracting(row -> row.get("tenant_id")).containsExactly("a", "b");
    }

    /** A purge covers every tenant: its entries belong to none, whatever tenant it opened its sessions with. */
    @Test
    void thePurgesEntriesBelongToNoTenant() {
        persistAndDelete("a", 2, "old");

        Purger.of(db.sessionFactory()).tenantIdentifier("a").clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)))
                .run();

        assertThat(db.rows("select tenant_id from softdelete_history where kind = 'PURGE'")).singleElement()
                .satisfies(row -> assertThat(row.get("tenant_id")).isNull());
        List<HistoryEntry> ofRow = as("a", s -> s.history().ofRow(TenantNote.class, 2L));
        assertThat(ofRow).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.DELETE);
    }
}
