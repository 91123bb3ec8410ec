package dev.softdelete.it.collection;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.Hibernate;
import org.hibernate.HibernateException;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A many-to-many bag (a List without a position column) is rewritten whole by Hibernate on every
 * change: the rewrite deletes, with one statement, only the links of the products the bag saw.
 */
class BagLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    @Test
    void removeKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            alice.getFavorites().removeIf(product -> product.getId().equals(rows.live()));
        }));

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.deleted());
        assertThat(sql.count(StatementKind.DELETE, "link_customer_fav")).as(sql.dump()).isEqualTo(1);
    }

    @Test
    void addKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            Hibernate.initialize(alice.getFavorites());
            alice.getFavorites().add(s.find(LinkProduct.class, rows.spare()));
        });

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.live(), rows.deleted(), rows.spare());
    }

    @Test
    void aProductRestoredBetweenTheReadAndTheRewriteKeepsItsLink() {
        // GIVEN alice's bag read while the product was deleted
        LinkRows rows = LinkRows.persist(db);
        try (SoftDeleteSession editing = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction tx = editing.beginTransaction();
            LinkCustomer alice = editing.find(LinkCustomer.class, rows.alice());
            Hibernate.initialize(alice.getFavorites());

            // WHEN another transaction restores the product, then the bag is rewritten
            db.inTransaction(s -> assertThat(s.restore(LinkProduct.class, rows.deleted())).isTrue());
            alice.getFavorites().add(editing.find(LinkProduct.class, rows.spare()));
            tx.commit();
        }

        // THEN the rewrite deleted only the links it had read, and the restored product's stays
        assertThat(rows.favorites(db)).containsExactlyInAnyOrder(rows.live(), rows.deleted(), rows.spare());
    }

    @Test
    void clearKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getFavorites().clear());

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.deleted());
    }

    @Test
    void replaceKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice())
                .setFavorites(new ArrayList<>(List.of(s.find(LinkProduct.class, rows.spare())))));

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.deleted(), rows.spare());
    }

    @Test
    void restoredProductIsBackInTheEditedBag() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);
        db.inTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getFavorites()
                .removeIf(product -> product.getId().equals(rows.live())));

        // WHEN
        db.inTransaction(s -> s.restore(LinkProduct.class, rows.deleted()));

        // THEN
        List<String> favorites = db.fromTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getFavorites()
                .stream().map(LinkProduct::getName).toList());
        assertThat(favorites).containsExactly("deleted");
    }

    @Test
    void restoreRightAfterAnUnflushedBagEditFlushesTheEditFirst() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN the bag is changed and restore() is called before any flush, in one transaction
        db.inTransaction(s -> {
            s.find(LinkCustomer.class, rows.alice()).getFavorites()
                    .removeIf(product -> product.getId().equals(rows.live()));
            s.restore(LinkProduct.class, rows.deleted());
        });

        // THEN
        List<String> favorites = db.fromTransaction(s -> s.find(LinkCustomer.class, rows.alice()).getFavorites()
                .stream().map(LinkProduct::getName).toList());
        assertThat(favorites).containsExactly("deleted");
    }

    @Test
    void aBagOfAPlainOwnerKeepsTheLinkToADeletedProduct() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).getFeatured()
                .removeIf(product -> product.getId().equals(rows.live()))));

        // THEN
        assertThat(rows.featured(db)).containsExactly(rows.deleted());
        assertThat(sql.count(StatementKind.DELETE, "link_shop_featured")).as(sql.dump()).isEqualTo(1);
    }

    @Test
    void aBagReadUnfilteredIsRewrittenWhole() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            s.unfiltered(() -> {
                // changed inside the scope, flushed after it (Hibernate refuses to rewrite a bag inside it)
                alice.getFavorites().removeIf(product -> product.getId().equals(rows.deleted()));
                return null;
            });
        });

        // THEN
        assertThat(rows.favorites(db)).containsExactly(rows.live());
    }

    @Test
    void aBagChangedAndFlushedInsideAnUnfilteredScopeIsRefusedByHibernate() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        assertThatThrownBy(() -> db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            s.unfiltered(() -> {
                alice.getFavorites().add(s.find(LinkProduct.class, rows.spare()));
                s.flush();
                return null;
            });
        }))
        // THEN
                .isInstanceOf(HibernateException.class)
                .hasMessageContaining("cannot recreate collection while filter is enabled");
        assertThat(rows.favorites(db)).containsExactly(rows.live(), rows.deleted());
    }
}
