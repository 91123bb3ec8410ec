package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.model.LinkReview;
import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.model.LinkVoucher;
import dev.softdelete.it.support.TestSessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Products "live", "deleted" (soft-deleted) and "spare"; the soft-deletable customer alice and the
 * plain shop each link "live" and "deleted" in every collection they have; the shop's vouchers are
 * one live and one deleted. The links to "deleted" and to the deleted voucher are hidden from every
 * live read, and are what the tests watch.
 */
record LinkRows(Long alice, Long shop, Long live, Long deleted, Long spare, Long liveVoucher, Long deletedVoucher) {

    /** Every model class the link tests map. */
    static final Class<?>[] MODEL = {LinkProduct.class, LinkCustomer.class, LinkShop.class, LinkVoucher.class};

    static LinkRows persist(TestSessionFactory db) {
        LinkRows rows = db.fromTransaction(s -> {
            LinkProduct live = new LinkProduct("live");
            LinkProduct deleted = new LinkProduct("deleted");
            LinkProduct spare = new LinkProduct("spare");
            List.of(live, deleted, spare).forEach(s::persist);
            LinkCustomer alice = new LinkCustomer("alice");
            alice.getFavorites().addAll(List.of(live, deleted));
            alice.getPicks().addAll(List.of(live, deleted));
            alice.getSlots().put("a", live);
            alice.getSlots().put("b", deleted);
            s.persist(alice);
            LinkVoucher liveVoucher = new LinkVoucher("live");
            LinkVoucher deletedVoucher = new LinkVoucher("deleted");
            s.persist(liveVoucher);
            s.persist(deletedVoucher);
            LinkShop shop = new LinkShop("shop");
            shop.getFeatured().addAll(List.of(live, deleted));
            shop.getStocked().addAll(List.of(live, deleted));
            shop.getVouchers().addAll(List.of(liveVoucher, deletedVoucher));
            shop.getReviews().add(new LinkReview("good", live));
            shop.getReviews().add(new LinkReview("bad", deleted));
            shop.getRatings().put(live, 5);
            shop.getRatings().put(deleted, 1);
            s.persist(shop);
            s.flush();
            return new LinkRows(alice.getId(), shop.getId(), live.getId(), deleted.getId(), spare.getId(),
                    liveVoucher.getId(), deletedVoucher.getId());
        });
        db.inTransaction(s -> {
            s.remove(s.find(LinkProduct.class, rows.deleted()));
            s.remove(s.find(LinkVoucher.class, rows.deletedVoucher()));
        });
        assertThat(db.row("link_product", rows.deleted()).get("deleted_at")).isNotNull();
        assertThat(db.row("link_voucher", rows.deletedVoucher()).get("shop_id")).isNotNull();
        return rows;
    }

    /** The ids a link table's column holds for one owner, sorted; read straight from the table. */
    static List<Long> linked(TestSessionFactory db, String table, String ownerColumn, String column, Long owner) {
        return db.rows("select " + column + " as target from " + table + " where " + ownerColumn + " = ?", owner)
                .stream().map(row -> ((Number) row.get("target")).longValue()).sorted().toList();
    }

    /** The products alice's bag links. */
    List<Long> favorites(TestSessionFactory db) {
        return linked(db, "link_customer_fav", "link_customer_id", "favorites_id", alice);
    }

    /** The products alice's set links. */
    List<Long> picks(TestSessionFactory db) {
        return linked(db, "link_customer_pick", "link_customer_id", "picks_id", alice);
    }

    /** The products the shop's bag links. */
    List<Long> featured(TestSessionFactory db) {
        return linked(db, "link_shop_featured", "link_shop_id", "featured_id", shop);
    }

    /** The products the shop's set links. */
    List<Long> stocked(TestSessionFactory db) {
        return linked(db, "link_shop_stocked", "link_shop_id", "stocked_id", shop);
    }

    /** The vouchers whose foreign key names the shop. */
    List<Long> vouchers(TestSessionFactory db) {
        return linked(db, "link_voucher", "shop_id", "id", shop);
    }
}
