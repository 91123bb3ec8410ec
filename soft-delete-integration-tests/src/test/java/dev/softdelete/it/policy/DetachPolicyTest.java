package dev.softdelete.it.policy;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.it.model.PolicyAddress;
import dev.softdelete.it.model.PolicyCustomer;
import dev.softdelete.it.model.PolicyInvoice;
import dev.softdelete.it.model.PolicyLead;
import dev.softdelete.it.model.PolicyNote;
import dev.softdelete.it.model.PolicyOrder;
import dev.softdelete.it.model.PolicyRegion;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code @OnSoftDelete(DETACH)}: a delete nulls the foreign key of the associated rows (one UPDATE per
 * level, whatever the number of rows) and keeps it beside; a restore puts it back exactly, on the rows
 * still unlinked; instances the session manages follow, so that no later UPDATE writes the old state
 * back. Every case reads the table directly.
 */
class DetachPolicyTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PolicyRegion.class, PolicyCustomer.class,
            PolicyOrder.class, PolicyInvoice.class, PolicyAddress.class, PolicyNote.class, PolicyLead.class);

    private long customer(String name, int leads) {
        return db.fromTransaction(s -> {
            PolicyCustomer customer = new PolicyCustomer(name);
            for (int i = 0; i < leads; i++) {
                customer.lead(name + "-lead" + i);
            }
            s.persist(customer);
            return customer.getId();
        });
    }

    private List<Map<String, Object>> leads() {
        return db.rows("select name, customer_id, customer_id_detached from policy_lead order by name");
    }

    private static Long key(Map<String, Object> row, String column) {
        return row.get(column) == null ? null : ((Number) row.get(column)).longValue();
    }

    @Test
    void aDeleteNullsTheKeysInOneStatementAndARestorePutsThemBack() {
        long id = customer("ann", 3);
        long other = customer("bob", 1);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id))));

        assertThat(sql.count(StatementKind.UPDATE, "policy_lead")).isEqualTo(1);
        assertThat(leads()).filteredOn(row -> row.get("name").toString().startsWith("ann")).hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("customer_id")).isNull();
                    assertThat(key(row, "customer_id_detached")).isEqualTo(id);
                });
        assertThat(leads()).filteredOn(row -> row.get("name").toString().startsWith("bob"))
                .singleElement().satisfies(row -> assertThat(key(row, "customer_id")).isEqualTo(other));
        assertThat(db.countRows("policy_lead")).isEqualTo(4);

        db.inTransaction(s -> s.restore(PolicyCustomer.class, id));

        assertThat(leads()).filteredOn(row -> row.get("name").toString().startsWith("ann")).hasSize(3)
                .allSatisfy(row -> {
                    assertThat(key(row, "customer_id")).isEqualTo(id);
                    assertThat(row.get("customer_id_detached")).isNull();
                });
    }

    @Test
    void aRestoreOfSeveralRowsTogetherPutsBackTheKeysOfTheListedRowsOnly() {
        long ann = customer("ann", 2);
        long bob = customer("bob", 1);
        long cid = customer("cid", 1);
        for (long id : new long[] {ann, bob, cid}) {
            db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id)));
        }

        int restored = db.fromTransaction(s -> s.restoreAll(PolicyCustomer.class, List.of(ann, bob)));

        assertThat(restored).isEqualTo(2);
        assertThat(leads()).extracting(row -> row.get("name"), row -> key(row, "customer_id"),
                row -> key(row, "customer_id_detached")).containsExactly(
                        tuple("ann-lead0", ann, null), tuple("ann-lead1", ann, null), tuple("bob-lead0", bob, null),
                        tuple("cid-lead0", null, cid));
    }

    @Test
    void aRowLinkedElsewhereMeanwhileStaysWhereTheApplicationPutIt() {
        long id = customer("cyd", 2);
        long other = customer("dee", 0);
        db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id)));
        db.inTransaction(s -> s.createQuery("from PolicyLead l where l.name = 'cyd-lead0'", PolicyLead.class)
                .getSingleResult().setCustomer(s.find(PolicyCustomer.class, other)));

        db.inTransaction(s -> s.restore(PolicyCustomer.class, id));

        assertThat(leads()).extracting(row -> row.get("name"), row -> key(row, "customer_id"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cyd-lead0", other),
                        org.assertj.core.groups.Tuple.tuple("cyd-lead1", id));
    }

    @Test
    void aCascadeDetachesTheRowsOfEveryCustomerItReachesWithOneStatementAndTheRestoreRelinksThem() {
        long region = db.fromTransaction(s -> {
            PolicyRegion north = new PolicyRegion("north");
            for (int c = 0; c < 4; c++) {
                PolicyCustomer customer = north.customer("c" + c);
                customer.lead("c" + c + "-lead-a");
                customer.lead("c" + c + "-lead-b");
            }
            s.persist(north);
            return north.getId();
        });
        Map<String, Long> before = linkOf();

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(PolicyRegion.class, region))));

        assertThat(sql.count(StatementKind.UPDATE, "policy_lead")).isEqualTo(1);
        assertThat(db.rows("select id from policy_lead where customer_id is null")).hasSize(8);

        Impact restore = db.fromTransaction(s -> s.previewRestore(PolicyRegion.class, region));
        assertThat(restore.detached(PolicyLead.class)).isEqualTo(8);

        db.inTransaction(s -> s.restore(PolicyRegion.class, region));

        assertThat(linkOf()).isEqualTo(before);
        assertThat(db.rows("select id from policy_lead where customer_id_detached is not null")).isEmpty();
    }

    private Map<String, Long> linkOf() {
        Map<String, Long> links = new java.util.TreeMap<>();
        leads().forEach(row -> links.put(row.get("name").toString(), key(row, "customer_id")));
        return links;
    }

    @Test
    void aManagedLeadChangedAfterTheDeleteDoesNotWriteTheOldKeyBack() {
        long id = customer("eve", 1);

        db.inTransaction(s -> {
            PolicyLead lead = s.createQuery("from PolicyLead", PolicyLead.class).getSingleResult();
            s.remove(s.find(PolicyCustomer.class, id));
            s.flush();
            assertThat(lead.getCustomer()).isNull();
            lead.setName("eve-renamed");
        });

        assertThat(leads()).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("eve-renamed");
            assertThat(row.get("customer_id")).isNull();
            assertThat(key(row, "customer_id_detached")).isEqualTo(id);
        });
    }

    @Test
    void aManagedLeadChangedAfterTheRestoreDoesNotUnlinkItAgain() {
        long id = customer("fay", 1);
        db.inTransaction(s -> s.remove(s.find(PolicyCustomer.class, id)));

        db.inTransaction(s -> {
            PolicyLead lead = s.createQuery("from PolicyLead", PolicyLead.class).getSingleResult();
            assertThat(lead.getCustomer()).isNull();
            s.restore(PolicyCustomer.class, id);
            assertThat(lead.getCustomer()).isNotNull();
            assertThat(lead.getCustomer().getId()).isEqualTo(id);
            lead.setName("fay-renamed");
        });

        assertThat(leads()).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("fay-renamed");
            assertThat(key(row, "customer_id")).isEqualTo(id);
        });
    }

    @Test
    void thePreviewCountsTheRowsToDetach() {
        long id = customer("gus", 5);

        Impact impact = db.fromTransaction(s -> s.previewDelete(PolicyCustomer.class, id));

        assertThat(impact.detached(PolicyLead.class)).isEqualTo(5);
        assertThat(impact.rows(PolicyLead.class)).as("detached rows stay live").isZero();
        assertThat(db.rows("select id from policy_lead where customer_id is null")).isEmpty();
    }
}
