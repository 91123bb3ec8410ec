package dev.softdelete.it.inheritance;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.SingleCar;
import dev.softdelete.it.model.SingleTruck;
import dev.softdelete.it.model.SingleVehicle;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @SoftDelete} on the root of a SINGLE_TABLE hierarchy covers every subclass. */
class SingleTableSoftDeleteTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(SingleVehicle.class, SingleCar.class, SingleTruck.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @BeforeEach
    void twoCarsATruckAndAPlainVehicle() {
        db.inTransaction(s -> {
            s.persist(new SingleCar(1L, "beetle", 4));
            s.persist(new SingleCar(2L, "mini", 4));
            s.persist(new SingleTruck(3L, "actros", 18));
            s.persist(new SingleVehicle(4L, "cart"));
        });
    }

    @AfterEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    private void removeBeetle() {
        db.inTransaction(s -> s.remove(s.find(SingleCar.class, 1L)));
    }

    private List<String> names(String hql) {
        return db.fromTransaction(s -> s.createQuery(hql, String.class).list());
    }

    @Test
    void removeOfASubclassInstanceIsOneUpdateOfTheSingleTable() {
        // WHEN
        SqlRecorder sql = db.record(this::removeBeetle);

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("single_vehicle", 1);
        Map<String, Object> row = db.row("single_vehicle", 1L);
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("kind")).isEqualTo("car");
    }

    @Test
    void queriesOnRootAndSubclassHideTheDeletedSubclassRow() {
        // GIVEN
        removeBeetle();

        // THEN
        assertThat(names("select v.name from SingleVehicle v order by v.name")).containsExactly("actros", "cart", "mini");
        assertThat(names("select c.name from SingleCar c order by c.name")).containsExactly("mini");
        assertThat(names("select v.name from SingleVehicle v where type(v) = SingleCar order by v.name"))
                .containsExactly("mini");
    }

    @Test
    void unfilteredScopeShowsTheDeletedSubclassRow() {
        // GIVEN
        removeBeetle();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.unfiltered(() -> s.createQuery("select v.name from SingleVehicle v order by v.name", String.class)
                    .list())).containsExactly("actros", "beetle", "cart", "mini");
            assertThat(s.unfiltered(() -> s.createQuery("select c.name from SingleCar c order by c.name", String.class)
                    .list())).containsExactly("beetle", "mini");
            assertThat(s.onlyDeleted(() -> s.createQuery("select v.name from SingleVehicle v", String.class)
                    .list())).containsExactly("beetle");
        });
    }

    @Test
    void findOfTheDeletedSubclassInstanceReturnsNull() {
        // GIVEN
        removeBeetle();

        // THEN
        db.inTransaction(s -> {
            assertThat(s.find(SingleCar.class, 1L)).isNull();
            assertThat(s.find(SingleVehicle.class, 1L)).isNull();
            assertThat(s.unfiltered(() -> s.find(SingleVehicle.class, 1L))).isInstanceOf(SingleCar.class);
        });
    }

    @Test
    void bulkDeleteOfASubclassMarksOnlyItsLiveRows() {
        // GIVEN
        removeBeetle();
        Instant later = CLOCK.advance(java.time.Duration.ofHours(1));

        // WHEN
        int[] marked = new int[1];
        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                marked[0] = s.createMutationQuery("delete from SingleCar").executeUpdate()));

        // THEN
        assertThat(marked[0]).isEqualTo(1);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("single_vehicle", 1);
        assertThat(Columns.instant(db.row("single_vehicle", 1L).get("deleted_at"))).isEqualTo(NOW);
        assertThat(Columns.instant(db.row("single_vehicle", 2L).get("deleted_at"))).isEqualTo(later);
        assertThat(db.row("single_vehicle", 3L).get("deleted_at")).isNull();
        assertThat(db.row("single_vehicle", 4L).get("deleted_at")).isNull();
        assertThat(db.countRows("single_vehicle")).isEqualTo(4);
    }

    @Test
    void bulkDeleteOfTheRootMarksLiveRowsOfEverySubclass() {
        // GIVEN
        removeBeetle();

        // WHEN
        int marked = db.fromTransaction(s -> s.createMutationQuery("delete from SingleVehicle v where v.name <> 'cart'")
                .executeUpdate());

        // THEN
        assertThat(marked).isEqualTo(2);
        assertThat(db.row("single_vehicle", 2L).get("deleted_at")).isNotNull();
        assertThat(db.row("single_vehicle", 3L).get("deleted_at")).isNotNull();
        assertThat(db.row("single_vehicle", 4L).get("deleted_at")).isNull();
        assertThat(db.countRows("single_vehicle")).isEqualTo(4);
    }
}
