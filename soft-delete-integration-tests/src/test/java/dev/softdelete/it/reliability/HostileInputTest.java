package dev.softdelete.it.reliability;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.HostileNote;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.read.CustomerRows;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Actors and reasons are user values: they travel as bind parameters and are stored exactly as given,
 * whatever they hold; one too long for its column, or an actor provider that fails, is refused before
 * anything is written. Each case reads the row back by plain JDBC.
 */
class HostileInputTest {

    private static final AtomicReference<Supplier<String>> ACTOR = new AtomicReference<>(() -> "alice");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class, Tag.class,
                    HostileNote.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> ACTOR.get().get());

    @BeforeEach
    void defaultActor() {
        ACTOR.set(() -> "alice");
    }

    private static Long persistCustomer() {
        return CustomerRows.persistCustomer(db, "ann@example.com", "Ann");
    }

    private static void remove(Long id, String reason) {
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause(reason)) {
                s.remove(s.find(Customer.class, id));
            }
        });
    }

    private static void bulkDelete(Long id, String reason) {
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause(reason)) {
                s.createMutationQuery("delete from Customer where id = :id").setParameter("id", id).executeUpdate();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "it's O'Brien's \"order\"",
            "x'; drop table customer; --",
            "/* not a comment */ -- nor this # nor this",
            "back\\slash and %_ wildcards and ? and :named and $1",
            "emoji 😀, music 𝄞, CJK 漢字, RTL שלום, zero\u200Bwidth",
            "line one\nline two\ttabbed\r\nend"})
    void hostileReasonsAndActorsAreStoredVerbatim(String value) {
        Long removed = persistCustomer();
        Long bulk = CustomerRows.persistCustomer(db, "bob@example.com", "Bob");
        ACTOR.set(() -> value);

        remove(removed, value);
        bulkDelete(bulk, value);

        for (Long id : new Long[] {removed, bulk}) {
            Map<String, Object> row = db.row("customer", id);
            assertThat(row.get("deleted_at")).isNotNull();
            assertThat(row.get("delete_reason")).isEqualTo(value);
            assertThat(row.get("deleted_by")).isEqualTo(value);
        }
        assertThat(db.countRows("customer")).isEqualTo(2);
    }

    @Test
    void tenThousandCharactersOfActorAndReasonAreStoredVerbatimInAWideColumn() {
        String big = "'\"--😀".repeat(2_000);
        ACTOR.set(() -> big);
        Long id = db.fromTransaction(s -> {
            HostileNote note = new HostileNote("n");
            s.persist(note);
            return note.getId();
        });

        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause(big)) {
                s.remove(s.find(HostileNote.class, id));
            }
        });

        // read as strings (H2 would hand a Clob back after its connection closed); compared without printing
        Map<String, Object> row = db.rows("select cast(reason as varchar(20000)) as reason,"
                + " cast(deleted_by as varchar(20000)) as deleted_by from hostile_note where id = ?", id).get(0);
        assertThat(((String) row.get("reason")).length()).isEqualTo(big.length());
        assertThat(big.equals(row.get("reason"))).as("reason stored verbatim").isTrue();
        assertThat(big.equals(row.get("deleted_by"))).as("actor stored verbatim").isTrue();
    }

    @Test
    void aReasonOfTenThousandCharactersIsRefusedByAColumnOf255WithItsLimit() {
        Long id = persistCustomer();
        String tooLong = "r".repeat(10_000);

        assertThatThrownBy(() -> remove(id, tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Customer.class.getName() + ".deleteReason")
                .hasMessageContaining("10000 characters")
                .hasMessageContaining("at most 255")
                .hasMessageContaining("@Column(length");

        assertThat(db.row("customer", id).get("deleted_at")).isNull();
        assertThat(db.row("customer", id).get("delete_reason")).isNull();
    }

    @Test
    void aReasonOneCharacterTooLongIsRefusedAndOneThatFitsIsStored() {
        Long refused = persistCustomer();
        Long stored = CustomerRows.persistCustomer(db, "bob@example.com", "Bob");

        assertThatThrownBy(() -> remove(refused, "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        remove(stored, "x".repeat(255));

        assertThat(db.row("customer", refused).get("deleted_at")).isNull();
        assertThat(db.row("customer", stored).get("delete_reason")).isEqualTo("x".repeat(255));
    }

    @Test
    void aTooLongActorIsRefusedForABulkDeleteBeforeTheStatementRuns() {
        Long id = persistCustomer();
        ACTOR.set(() -> "a".repeat(300));

        assertThatThrownBy(() -> bulkDelete(id, "cleanup"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Customer.class.getName() + ".deletedBy");

        assertThat(db.row("customer", id).get("deleted_at")).isNull();
    }

    @Test
    void anActorProviderThatThrowsLeavesTheRowLive() {
        Long id = persistCustomer();
        ACTOR.set(() -> {
            throw new IllegalStateException("no user in context");
        });

        assertThatThrownBy(() -> remove(id, "cleanup")).hasStackTraceContaining("no user in context");
        assertThatThrownBy(() -> bulkDelete(id, "cleanup")).hasStackTraceContaining("no user in context");

        Map<String, Object> row = db.row("customer", id);
        assertThat(row.get("deleted_at")).isNull();
        assertThat(row.get("deleted_by")).isNull();
        assertThat(db.countRows("customer")).isEqualTo(1);
    }
}
