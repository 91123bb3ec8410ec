package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.ReadShelf;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer.tags is a LAZY many-to-many, ReadShelf.tags an EAGER one; both link a live tag ("red")
 * and a deleted one ("blue"), whose join-table rows are kept.
 */
class ManyToManyTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static List<String> labels(Set<Tag> tags) {
        return tags.stream().map(Tag::getLabel).sorted().toList();
    }

    private static Long persistTaggedCustomer() {
        Long[] ids = db.fromTransaction(s -> {
            Customer ann = new Customer(CustomerRows.ANN, "Ann");
            Tag red = new Tag(ShelfRows.RED);
            Tag blue = new Tag(ShelfRows.BLUE);
            ann.getTags().add(red);
            ann.getTags().add(blue);
            s.persist(ann);
            s.flush();
            return new Long[] {ann.getId(), blue.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(Tag.class, ids[1])));
        assertThat(db.countRows("customer_tag")).isEqualTo(2);
        assertThat(db.row("tag", ids[1]).get("deleted_at")).isNotNull();
        return ids[0];
    }

    @Test
    void lazyManyToManyHidesDeletedElement() {
        Long annId = persistTaggedCustomer();

        assertThat(read(s -> labels(s.find(Customer.class, annId).getTags()))).containsExactly(ShelfRows.RED);
    }

    @Test
    void lazyManyToManyInitialisedUnfilteredShowsDeletedElement() {
        Long annId = persistTaggedCustomer();

        List<List<String>> labels = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, annId);
            List<String> inScope;
            try (SoftDeleteScope all = s.unfiltered()) {
                Hibernate.initialize(ann.getTags());
                inScope = labels(ann.getTags());
            }
            return List.of(inScope, labels(ann.getTags()));
        });

        assertThat(labels.get(0)).containsExactly(ShelfRows.BLUE, ShelfRows.RED);
        // read again once the scope closed: the default view, not the scope's
        assertThat(labels.get(1)).containsExactly(ShelfRows.RED);
    }

    @Test
    void lazyManyToManyInitialisedOnlyDeletedShowsOnlyDeletedElement() {
        Long annId = persistTaggedCustomer();

        List<List<String>> labels = db.fromTransaction(s -> {
            Customer ann = s.find(Customer.class, annId);
            List<String> inScope;
            try (SoftDeleteScope trash = s.onlyDeleted()) {
                Hibernate.initialize(ann.getTags());
                inScope = labels(ann.getTags());
            }
            return List.of(inScope, labels(ann.getTags()));
        });

        assertThat(labels.get(0)).containsExactly(ShelfRows.BLUE);
        // read again once the scope closed: the default view, not the scope's
        assertThat(labels.get(1)).containsExactly(ShelfRows.RED);
    }

    @Test
    void eagerManyToManyHidesDeletedElement() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> labels(s.find(ReadShelf.class, rows.openId()).getTags()))).containsExactly(ShelfRows.RED);
    }

    @Test
    void eagerManyToManyUnfilteredShowsDeletedElement() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> labels(s.find(ReadShelf.class, rows.openId()).getTags()))))
                .containsExactly(ShelfRows.BLUE, ShelfRows.RED);
    }

    @Test
    void eagerManyToManyOnlyDeletedShowsOnlyDeletedElement() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> labels(s.find(ReadShelf.class, rows.closedId()).getTags()))))
                .containsExactly(ShelfRows.BLUE);
    }
}
