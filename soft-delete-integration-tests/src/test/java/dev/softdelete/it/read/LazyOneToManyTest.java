package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer.orders is LAZY; the scope that counts is the one in effect when the collection is
 * initialised. The owner is always loaded in the default scope (it is live).
 */
class LazyOneToManyTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static List<String> items(Customer customer) {
        return customer.getOrders().stream().map(PurchaseOrder::getItem).toList();
    }

    /** Ann (live) with "ann-live" and "ann-deleted", see {@link OrderRows}. */
    private static Long persistRows() {
        return OrderRows.persist(db).annId();
    }

    @Test
    void lazyCollectionHidesDeletedElement() {
        Long annId = persistRows();

        assertThat(read(s -> items(s.find(Customer.class, annId)))).containsExactly(OrderRows.ANN_LIVE);
    }

    @Test
    void lazyCollectionInitialisedUnfilteredShowsDeletedElement() {
        Long annId = persistRows();

        List<List<String>> items = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, annId);
            List<String> inScope;
            try (SoftDeleteScope all = s.unfiltered()) {
                Hibernate.initialize(ann.getOrders());
                inScope = items(ann);
            }
            return List.of(inScope, items(ann));
        });

        assertThat(items.get(0)).containsExactly(OrderRows.ANN_LIVE, OrderRows.ANN_DELETED);
        // read again once the scope closed: the default view, not the scope's
        assertThat(items.get(1)).containsExactly(OrderRows.ANN_LIVE);
    }

    @Test
    void lazyCollectionInitialisedOnlyDeletedShowsOnlyDeletedElement() {
        Long annId = persistRows();

        List<List<String>> items = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, annId);
            List<String> inScope;
            try (SoftDeleteScope trash = s.onlyDeleted()) {
                Hibernate.initialize(ann.getOrders());
                inScope = items(ann);
            }
            return List.of(inScope, items(ann));
        });

        assertThat(items.get(0)).containsExactly(OrderRows.ANN_DELETED);
        assertThat(items.get(1)).containsExactly(OrderRows.ANN_LIVE);
    }
}
