package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.support.TestSessionFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live customer (ann) and a deleted one (gone), each with a live and a deleted order:
 * "ann-live", "ann-deleted", "gone-live", "gone-deleted". A query that filters only its root
 * cannot tell "ann-live" from "gone-live"; one that also filters its join can.
 */
public record OrderRows(Map<String, Long> orderIds, Long annId, Long goneId) {

    public static final String ANN_LIVE = "ann-live";
    public static final String ANN_DELETED = "ann-deleted";
    public static final String GONE_LIVE = "gone-live";
    public static final String GONE_DELETED = "gone-deleted";

    public static OrderRows persist(TestSessionFactory db) {
        OrderRows rows = db.fromTransaction(s -> {
            Customer ann = new Customer(CustomerRows.ANN, "Ann");
            Customer gone = new Customer(CustomerRows.GONE, "Gone");
            PurchaseOrder annLive = ann.order(ANN_LIVE);
            PurchaseOrder annDeleted = ann.order(ANN_DELETED);
            PurchaseOrder goneLive = gone.order(GONE_LIVE);
            PurchaseOrder goneDeleted = gone.order(GONE_DELETED);
            s.persist(ann);
            s.persist(gone);
            s.flush();
            return new OrderRows(Map.of(ANN_LIVE, annLive.getId(), ANN_DELETED, annDeleted.getId(),
                    GONE_LIVE, goneLive.getId(), GONE_DELETED, goneDeleted.getId()), ann.getId(), gone.getId());
        });
        db.inTransaction(s -> {
            s.remove(s.find(PurchaseOrder.class, rows.orderIds().get(ANN_DELETED)));
            s.remove(s.find(PurchaseOrder.class, rows.orderIds().get(GONE_DELETED)));
        });
        // a flush that removes a customer and then its order nulls the order's customer_id (see ToOneTest)
        db.inTransaction(s -> s.remove(s.find(Customer.class, rows.goneId())));
        // checked below Hibernate: every row is there, and exactly these three are marked
        assertThat(db.countRows("purchase_order")).isEqualTo(4);
        assertThat(db.rows("select id from purchase_order where deleted_at is not null")).hasSize(2);
        assertThat(db.rows("select id from purchase_order where customer_id is null")).isEmpty();
        assertThat(db.row("customer", rows.goneId()).get("deleted_at")).isNotNull();
        assertThat(db.row("customer", rows.annId()).get("deleted_at")).isNull();
        return rows;
    }

    public Long id(String item) {
        return orderIds.get(item);
    }
}
