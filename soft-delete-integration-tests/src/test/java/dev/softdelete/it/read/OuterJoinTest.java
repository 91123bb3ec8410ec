package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outer joins to soft-deletable targets: a hidden target is absent, never a row of nulls beside a
 * link that points at it. Ann is tagged red (live) and blue (deleted); Bob only blue.
 */
class OuterJoinTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static void persist() {
        Long blueId = db.fromTransaction(s -> {
            Tag red = new Tag(ShelfRows.RED);
            Tag blue = new Tag(ShelfRows.BLUE);
            Customer ann = new Customer(CustomerRows.ANN, "Ann");
            Customer bob = new Customer(CustomerRows.BOB, "Bob");
            ann.getTags().add(red);
            ann.getTags().add(blue);
            bob.getTags().add(blue);
            s.persist(ann);
            s.persist(bob);
            s.flush();
            return blue.getId();
        });
        db.inTransaction(s -> s.remove(s.find(Tag.class, blueId)));
        assertThat(db.countRows("customer_tag")).isEqualTo(3);
    }

    private static List<String> pairs(String hql) {
        return db.fromTransaction(s -> s.createSelectionQuery(hql, Object[].class).list().stream()
                .map(row -> row[0] + "/" + row[1]).sorted().toList());
    }

    @Test
    void manyToManyLeftJoinHasNoRowForALinkToAHiddenTarget() {
        persist();

        assertThat(pairs("select c.name, t.label from Customer c left join c.tags t"))
                .containsExactly("Ann/red", "Bob/null");
    }

    @Test
    void manyToManyLeftJoinCountsVisibleTargetsOnly() {
        persist();

        List<String> counts = db.fromTransaction(s -> s.createSelectionQuery(
                "select c.name, count(t) from Customer c left join c.tags t group by c.name order by c.name",
                Object[].class).list().stream().map(row -> row[0] + "=" + row[1]).toList());

        assertThat(counts).containsExactly("Ann=1", "Bob=0");
    }
}
