package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.it.model.SingleCascadeBus;
import dev.softdelete.it.model.SingleCascadeCrane;
import dev.softdelete.it.model.SingleCascadeDepot;
import dev.softdelete.it.model.SingleCascadeMachine;
import dev.softdelete.it.model.SingleCascadeMinibus;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A cascading collection typed with a SINGLE_TABLE subclass whose foreign key the root declares: the
 * cascade marks the rows of that subclass and its own subclasses, never a sibling type's rows that
 * carry the same foreign key value.
 */
class SingleTableSubclassCascadeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(SingleCascadeDepot.class, SingleCascadeMachine.class,
            SingleCascadeBus.class, SingleCascadeMinibus.class, SingleCascadeCrane.class);

    @Test
    void removingTheDepotMarksItsBusesAndMinibusesButNotItsCraneOrPlainMachine() {
        db.inTransaction(s -> {
            SingleCascadeDepot depot = new SingleCascadeDepot(1L);
            SingleCascadeDepot other = new SingleCascadeDepot(2L);
            s.persist(depot);
            s.persist(other);
            s.persist(new SingleCascadeBus(10L, "bus", depot));
            s.persist(new SingleCascadeMinibus(11L, "minibus", depot));
            s.persist(new SingleCascadeCrane(12L, "crane", depot));
            s.persist(new SingleCascadeMachine(13L, "machine", depot));
            s.persist(new SingleCascadeBus(20L, "other depot's bus", other));
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(SingleCascadeDepot.class, 1L))));

        assertThat(sql).hasNoHardDeletes().hasUpdates("single_cascade_machine", 1);
        assertThat(db.rows("select id from single_cascade_machine where deleted_at is not null order by id"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(10L, 11L);
        db.inTransaction(s -> assertThat(s.createQuery("select m.name from SingleCascadeMachine m order by m.id",
                String.class).list()).containsExactly("crane", "machine", "other depot's bus"));

        db.inTransaction(s -> s.restore(SingleCascadeDepot.class, 1L));

        assertThat(db.rows("select id from single_cascade_machine where deleted_at is not null")).isEmpty();
    }

    @Test
    void aCraneOrAPlainMachineMayBeAddedToADeletedDepotWhoseCascadeReachesOnlyBusesButABusMayNot() {
        db.inTransaction(s -> s.persist(new SingleCascadeDepot(3L)));
        db.inTransaction(s -> s.remove(s.find(SingleCascadeDepot.class, 3L)));
        // their rows hold the same foreign key column as a bus's, but the depot's cascade never reaches them
        db.inTransaction(s -> {
            s.persist(new SingleCascadeCrane(30L, "crane", s.getReference(SingleCascadeDepot.class, 3L)));
            s.persist(new SingleCascadeMachine(32L, "machine", s.getReference(SingleCascadeDepot.class, 3L)));
        });
        Throwable refused = catchThrowable(() -> db.inTransaction(s ->
                s.persist(new SingleCascadeBus(31L, "bus", s.getReference(SingleCascadeDepot.class, 3L)))));

        assertThat(refused).isNotNull();
        assertThat(Stream.iterate(refused, cause -> cause != null, Throwable::getCause))
                .hasAtLeastOneElementOfType(DeletedParentException.class);
        assertThat(db.rows("select id from single_cascade_machine where depot_id = 3 and deleted_at is null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactlyInAnyOrder(30L, 32L);
    }
}
