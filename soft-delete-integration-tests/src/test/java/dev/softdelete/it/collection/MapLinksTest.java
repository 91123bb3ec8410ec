package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A many-to-many Map (alice's slots, keyed by a column) keeps the slot of a deleted product when it is
 * emptied or replaced; its rows are identified by their key, so removing a key deletes that row only.
 */
class MapLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    private static List<String> slots(LinkRows rows) {
        return db.rows("select slot, slots_id from link_customer_slot where link_customer_id = ?", rows.alice()).stream()
                .map(row -> row.get("slot") + "=" + ((Number) row.get("slots_id")).longValue()).sorted().toList();
    }

    @Test
    void removingAKeyDeletesOnlyItsRow() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getSlots().remove("a"));

        // THEN
        assertThat(slots(rows)).containsExactly("b=" + rows.deleted());
    }

    @Test
    void clearKeepsTheSlotOfADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getSlots().clear());

        // THEN
        assertThat(slots(rows)).containsExactly("b=" + rows.deleted());
    }

    @Test
    void replaceKeepsTheSlotOfADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice())
                .setSlots(new HashMap<>(Map.of("c", s.find(LinkProduct.class, rows.spare())))));

        // THEN
        assertThat(slots(rows)).containsExactly("b=" + rows.deleted(), "c=" + rows.spare());
    }

    @Test
    void restoredProductIsBackInItsSlot() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getSlots().clear());

        // WHEN
        db.inTransaction(s -> s.restore(LinkProduct.class, rows.deleted()));

        // THEN
        String slotB = db.fromTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getSlots().get("b").getName());
        assertThat(slotB).isEqualTo("deleted");
    }

    @Test
    void puttingTheKeyADeletedProductHoldsFailsAndKeepsItsSlot() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getSlots()
                .put("b", s.find(LinkProduct.class, rows.spare()))))
        // THEN
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(slots(rows)).containsExactly("a=" + rows.live(), "b=" + rows.deleted());
    }
}
