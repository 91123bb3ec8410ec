package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.model.LinkReview;
import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Element-collection rows are never hidden: a value pointing to a deleted product, or keyed by one,
 * is loaded with that product (a to-one read by a loader loads whatever its state), so Hibernate's
 * rewrite of the collection writes it back as it was.
 */
class ElementCollectionLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    private static List<String> reviewRows(LinkRows rows) {
        return db.rows("select text, product_id from link_shop_review where link_shop_id = ?", rows.shop()).stream()
                .map(row -> row.get("text") + "=" + row.get("product_id")).sorted().toList();
    }

    @Test
    void aValuePointingToADeletedProductIsLoadedWithIt() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        List<String> reviews = db.fromTransaction(s -> s.find(LinkShop.class, rows.shop()).getReviews().stream()
                .map(review -> review.getText() + "=" + review.getProduct().getName()).sorted().toList());

        // THEN
        assertThat(reviews).containsExactly("bad=deleted", "good=live");
    }

    @Test
    void rewritingTheCollectionKeepsTheValuePointingToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).getReviews()
                .add(new LinkReview("new", s.find(LinkProduct.class, rows.spare()))));

        // THEN
        assertThat(reviewRows(rows)).containsExactly("bad=" + rows.deleted(), "good=" + rows.live(),
                "new=" + rows.spare());
    }

    @Test
    void aMapKeyedByADeletedProductLoadsThatEntry() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        List<String> ratings = db.fromTransaction(s -> s.find(LinkShop.class, rows.shop()).getRatings().entrySet()
                .stream().map(rating -> rating.getKey().getName() + "=" + rating.getValue()).sorted().toList());

        // THEN
        assertThat(ratings).containsExactly("deleted=1", "live=5");
    }
}
