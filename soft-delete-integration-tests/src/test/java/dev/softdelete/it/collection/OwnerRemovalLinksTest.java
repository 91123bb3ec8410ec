package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removing the owner is not a rewrite: a soft-deleted owner keeps all its links, a hard-deleted one
 * loses all of them, the links to deleted targets included.
 */
class OwnerRemovalLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    @Test
    void softRemoveOfTheOwnerKeepsEveryLink() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.remove(s.find(LinkCustomer.class, rows.alice())));

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.live(), rows.deleted());
        assertThat(rows.picks(db)).containsExactly(rows.live(), rows.deleted());
        assertThat(db.rows("select * from link_customer_slot where link_customer_id = ?", rows.alice())).hasSize(2);
    }

    @Test
    void hardDeleteOfTheOwnerRemovesEveryLink() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            alice.getFavorites().size();
            alice.getPicks().size();
            s.hardDelete(alice);
        });

        // THEN
        assertThat(db.row("link_customer", rows.alice())).isNull();
        assertThat(rows.favorites(db)).isEmpty();
        assertThat(rows.picks(db)).isEmpty();
        assertThat(db.countRows("link_customer_slot")).isZero();
    }

    @Test
    void removeOfAPlainOwnerRemovesEveryLink() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkShop shop = s.find(LinkShop.class, rows.shop());
            shop.getFeatured().size();
            shop.getVouchers().size();
            s.remove(shop);
        });

        // THEN
        assertThat(db.row("link_shop", rows.shop())).isNull();
        assertThat(rows.featured(db)).isEmpty();
        assertThat(rows.stocked(db)).isEmpty();
        assertThat(rows.vouchers(db)).isEmpty();
        assertThat(db.countRows("link_shop_review")).isZero();
    }

    @Test
    void statelessDeleteOfAPlainOwnerRemovesEveryLink() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN: a stateless session removes the rows of the collections it has fetched
        db.sessionFactory().inStatelessTransaction(s -> {
            LinkShop shop = s.get(LinkShop.class, rows.shop());
            s.fetch(shop.getFeatured());
            s.fetch(shop.getStocked());
            s.fetch(shop.getVouchers());
            s.fetch(shop.getReviews());
            s.fetch(shop.getRatings());
            s.delete(shop);
        });

        // THEN
        assertThat(db.row("link_shop", rows.shop())).isNull();
        assertThat(rows.featured(db)).isEmpty();
        assertThat(rows.stocked(db)).isEmpty();
        assertThat(rows.vouchers(db)).isEmpty();
    }
}
