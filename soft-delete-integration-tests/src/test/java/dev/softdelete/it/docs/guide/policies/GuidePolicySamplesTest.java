package dev.softdelete.it.docs.guide.policies;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteHistory;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.docs.Audit;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's samples of delete policies, previews and history (§6, §7a), run as the docs show them. */
class GuidePolicySamplesTest {

    static final Instant MONDAY = Instant.parse("2026-06-01T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(MONDAY);
    static final Audit audit = new Audit();
    static final Map<String, Object> settings = new HashMap<>();

    static {
        // tag::guide-history-listener[]
        settings.put(SoftDeleteSettings.HISTORY_LISTENER, (HistoryListener) entries ->
                entries.forEach(e -> audit.info("{} {}#{} ({} rows) by {}", e.kind(), e.entityName(), e.entityId(), e.rows(), e.actor())));
        // end::guide-history-listener[]
    }

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, Order.class, Address.class, Note.class,
                    Lead.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice")
            .with(SoftDeleteSettings.HISTORY, "table")
            .with(SoftDeleteSettings.HISTORY_LISTENER, settings.get(SoftDeleteSettings.HISTORY_LISTENER));

    private Long id;

    @BeforeEach
    void aCustomerInTheNorthWithThreeOrdersAnAddressANoteAndALead() {
        CLOCK.set(MONDAY);
        audit.lines().clear();
        id = db.fromTransaction(s -> {
            Customer customer = new Customer();
            customer.region = "north";
            s.persist(customer);
            for (int i = 0; i < 3; i++) {
                s.persist(new Order(customer));
            }
            s.persist(new Address(customer));
            s.persist(new Note(customer));
            s.persist(new Lead(customer));
            return customer.id;
        });
    }

    @Test
    void thePreviewSaysWhyADeleteIsRefusedThenWhatItWouldTake() {
        String refused = db.fromTransaction(s -> preview(s, db.sessionFactory(), s.find(Customer.class, id), id));
        assertThat(refused).isEqualTo("Customer.orders has 3 live rows (Order)");

        db.inTransaction(s -> s.createMutationQuery("delete from Order").executeUpdate());
        String allowed = db.fromTransaction(s -> preview(s, db.sessionFactory(), s.find(Customer.class, id), id));
        assertThat(allowed).isEqualTo("addresses 1, leads detached 1, total 2, restore 0, purge 0, bulk 2");

        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));
        assertThat(db.rows("select count(*) as n from policy_address where deleted_at is not null").get(0).get("n"))
                .isEqualTo(db.rows("select count(*) as n from policy_address").get(0).get("n"));
        assertThat(db.rows("select account_manager_id from policy_lead")).singleElement()
                .satisfies(row -> assertThat(row.get("account_manager_id")).isNull());
        assertThat(db.rows("select count(*) as n from policy_note where deleted_at is null and customer_id = ?", id)
                .get(0).get("n")).isEqualTo(db.rows("select count(*) as n from policy_note").get(0).get("n"));
        long restorable = db.fromTransaction(s -> s.previewRestore(Customer.class, id).totalRows());
        assertThat(restorable).isEqualTo(2);
    }

    private static String preview(SoftDeleteSession session, SessionFactory sessionFactory, Customer customer, Long id) {
        // tag::guide-preview[]
        Impact impact = session.previewDelete(customer);          // or previewDelete(Customer.class, id)
        if (impact.isRefused()) {
            return impact.refusals().get(0).describe();           // "Customer.orders has 3 live rows (Order)"
        }
        impact.rows(Address.class);                               // addresses that would be soft-deleted
        impact.detached(Lead.class);                              // leads that would be unlinked (DETACH)
        impact.totalRows();

        Impact restore = session.previewRestore(Customer.class, id); // what restore() would bring back
        Impact purge = Purger.of(sessionFactory).preview();          // what run() would purge now
        Impact bulk = session.previewBulkDelete(                       // what a bulk delete would do
                "delete from Customer c where c.region = :region", Map.of("region", "north"));
        // end::guide-preview[]
        return "addresses " + impact.rows(Address.class) + ", leads detached " + impact.detached(Lead.class)
                + ", total " + impact.totalRows() + ", restore " + restore.totalRows() + ", purge " + purge.totalRows()
                + ", bulk " + bulk.totalRows();
    }

    @Test
    void theHistoryAnswersByRowOperationAndActorAndTheListenerHearsEachCommit() {
        db.inTransaction(s -> s.createMutationQuery("delete from Order").executeUpdate());
        CLOCK.set(MONDAY.plus(Duration.ofDays(2)));
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));
        long operationId = ((Number) db.rows("select delete_operation from customer where id = ?", id).get(0)
                .get("delete_operation")).longValue();
        CLOCK.set(MONDAY.plus(Duration.ofDays(3)));
        db.inTransaction(s -> s.restore(Customer.class, id));
        Instant monday = MONDAY;
        Instant friday = MONDAY.plus(Duration.ofDays(4));

        List<List<HistoryEntry>> answers = db.fromTransaction(session -> {
            // tag::guide-history[]
            SoftDeleteHistory history = session.history();
            history.ofRow(Customer.class, id);                // every delete, restore, erase this customer was the root of
            history.ofOperation(operationId);                 // a delete, its cascade counts, its restores
            history.ofActor("alice", monday, friday);         // what alice did this week
            // end::guide-history[]
            return List.of(history.ofRow(Customer.class, id), history.ofOperation(operationId),
                    history.ofActor("alice", monday, friday));
        });

        assertThat(answers.get(0)).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.DELETE,
                HistoryEntry.Kind.CASCADE, HistoryEntry.Kind.RESTORE, HistoryEntry.Kind.RESTORE_CASCADE);
        assertThat(answers.get(1)).extracting(HistoryEntry::kind).contains(HistoryEntry.Kind.DELETE,
                HistoryEntry.Kind.CASCADE, HistoryEntry.Kind.RESTORE);
        assertThat(answers.get(2)).extracting(HistoryEntry::kind).contains(HistoryEntry.Kind.DELETE,
                HistoryEntry.Kind.RESTORE);
        // entity names as Hibernate names them: the class's full name
        assertThat(audit.lines()).contains("DELETE " + Customer.class.getName() + "#" + id + " (1 rows) by alice",
                "RESTORE " + Customer.class.getName() + "#" + id + " (1 rows) by alice");
    }
}
