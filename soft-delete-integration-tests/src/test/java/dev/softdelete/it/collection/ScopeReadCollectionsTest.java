package dev.softdelete.it.collection;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.it.model.LinkCustomer;
import dev.softdelete.it.model.LinkProduct;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A collection read inside a scope is read again once the scope closes, and no change made to a
 * collection around a scope is lost: a collection read before the scope stays managed, one changed
 * inside it is written, and one kept from inside it and changed afterwards is refused at the flush.
 * Alice picks "live" and "deleted" (soft-deleted).
 */
class ScopeReadCollectionsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    private static List<Long> ids(Set<LinkProduct> products) {
        return products.stream().map(LinkProduct::getId).sorted().toList();
    }

    @Test
    void aCollectionReadInAScopeShowsTheDefaultViewAfterIt() {
        LinkRows rows = LinkRows.persist(db);

        List<List<Long>> views = db.fromTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            List<Long> inScope = s.unfiltered(() -> ids(alice.getPicks()));
            return List.of(inScope, ids(alice.getPicks()));
        });

        assertThat(views.get(0)).containsExactlyInAnyOrder(rows.live(), rows.deleted());
        assertThat(views.get(1)).containsExactly(rows.live());
    }

    @Test
    void aCollectionReadBeforeAScopeStaysManagedAfterIt() {
        LinkRows rows = LinkRows.persist(db);

        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            Set<LinkProduct> picks = alice.getPicks();
            Hibernate.initialize(picks);
            try (SoftDeleteScope all = s.unfiltered()) {
                s.createSelectionQuery("from LinkProduct", LinkProduct.class).list();
            }
            picks.add(s.find(LinkProduct.class, rows.spare()));
        });

        assertThat(rows.picks(db)).containsExactlyInAnyOrder(rows.live(), rows.deleted(), rows.spare());
    }

    @Test
    void aCollectionChangedInsideAScopeIsWrittenAfterIt() {
        LinkRows rows = LinkRows.persist(db);

        db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            LinkProduct spare = s.find(LinkProduct.class, rows.spare());
            try (SoftDeleteScope all = s.unfiltered()) {
                alice.getPicks().removeIf(product -> product.getId().equals(rows.deleted()));
                alice.getPicks().add(spare);
            }
        });

        assertThat(rows.picks(db)).containsExactlyInAnyOrder(rows.live(), rows.spare());
    }

    @Test
    void aCollectionKeptFromInsideAScopeAndChangedAfterItIsRefusedAtTheFlush() {
        LinkRows rows = LinkRows.persist(db);

        assertThatThrownBy(() -> db.inTransaction(s -> {
            LinkCustomer alice = s.find(LinkCustomer.class, rows.alice());
            Set<LinkProduct> keptFromScope = s.unfiltered(() -> {
                Hibernate.initialize(alice.getPicks());
                return alice.getPicks();
            });
            keptFromScope.add(s.find(LinkProduct.class, rows.spare()));
            s.flush();
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LinkCustomer.class.getName() + ".picks")
                .hasMessageContaining("Change the collection while the scope is open");

        assertThat(rows.picks(db)).containsExactlyInAnyOrder(rows.live(), rows.deleted());
    }
}
