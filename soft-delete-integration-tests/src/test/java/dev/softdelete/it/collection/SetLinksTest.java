package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A many-to-many Set deletes a removed element's link row by row, but removes all its rows when it
 * is emptied or replaced: that removal keeps the links of the products the set did not see.
 */
class SetLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    @Test
    void removeDeletesOnlyTheLinkOfTheRemovedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getPicks()
                .removeIf(product -> product.getId().equals(rows.live())));

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.deleted());
    }

    @Test
    void clearKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getPicks().clear()));

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.deleted());
        assertThat(sql.count(StatementKind.DELETE, "link_customer_pick")).as(sql.dump()).isEqualTo(1);
    }

    @Test
    void replacingASetThatWasReadKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            Hibernate.initialize(alice.getPicks());
            alice.setPicks(new HashSet<>(Set.of(s.find(LinkProduct.class, rows.spare()))));
        });

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.deleted(), rows.spare());
    }

    @Test
    void replacingASetThatWasNeverReadKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice())
                .setPicks(new HashSet<>(Set.of(s.find(LinkProduct.class, rows.spare())))));

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.deleted(), rows.spare());
    }

    @Test
    void restoreInTheTransactionThatReplacedTheSetFindsItsLinkKept() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN: restore() flushes the replacement inside its own unfiltered scope
        db.inTransaction(s -> {
            s.find(LinkCustomer.class, rows.alice()).setPicks(new HashSet<>(Set.of(s.find(LinkProduct.class, rows.live()))));
            s.restore(LinkProduct.class, rows.deleted());
        });

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.live(), rows.deleted());
    }

    @Test
    void aSetReadUnfilteredIsReplacedWhole() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            LinkProduct spare = s.find(LinkProduct.class, rows.spare());
            s.unfiltered(() -> {
                // changed while its scope is open: a collection read in a scope and left unchanged is read
                // again once the scope closes
                Hibernate.initialize(alice.getPicks());
                alice.setPicks(new HashSet<>(Set.of(spare)));
                return null;
            });
        });

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.spare());
    }

    @Test
    void aSetReadInTheTrashViewKeepsItsLinksToLiveProductsWhenEmptied() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            s.onlyDeleted(() -> {
                Hibernate.initialize(alice.getPicks());
                alice.setPicks(new HashSet<>());
                return null;
            });
        });

        // THEN
        assertThat(rows.picks(db)).containsExactly(rows.live());
    }

    @Test
    void aSetOfAPlainOwnerKeepsTheLinkToADeletedProductWhenReplaced() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).setStocked(new HashSet<>())));

        // THEN
        assertThat(rows.stocked(db)).containsExactly(rows.deleted());
        assertThat(sql.count(StatementKind.DELETE, "link_shop_stocked")).as(sql.dump()).isEqualTo(1);
    }
}
