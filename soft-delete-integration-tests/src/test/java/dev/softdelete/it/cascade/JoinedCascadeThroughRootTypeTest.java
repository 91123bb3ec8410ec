package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.cascade.JoinedCascadeTables.Marker;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeCheckup;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeZoo;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static dev.softdelete.it.cascade.JoinedCascadeTables.cascaded;
import static dev.softdelete.it.cascade.JoinedCascadeTables.ids;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A REMOVE cascade declared by a JOINED subclass ({@code JoinedCascadeFish#checkups}) must be followed
 * when the subclass instance is reached through an association typed with the root
 * ({@code JoinedCascadeZoo#animals}), as Hibernate's own cascade follows it for each instance.
 * <p>
 * Before the fix a level followed the associations of the association's declared type and its
 * supertypes only, never those of its subclasses, so the checkups of the zoo's fish stayed live.
 */
class JoinedCascadeThroughRootTypeTest {

    static final Instant NOW = Instant.parse("2026-09-01T11:00:00Z");
    static final String CHECKUPS = "select id, deleted_at from joined_cascade_checkup";

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedCascadeTables.MODELS)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW));

    /** Two zoos, each with a plain animal and a fish that has two checkups; returns the zoos' ids. */
    private Long[] zoos() {
        return db.fromTransaction(s -> {
            Long[] ids = new Long[2];
            for (int z = 0; z < 2; z++) {
                JoinedCascadeZoo zoo = new JoinedCascadeZoo("zoo " + z);
                zoo.add(new JoinedCascadeAnimal("plain " + z));
                JoinedCascadeFish fish = (JoinedCascadeFish) zoo.add(new JoinedCascadeFish("fish " + z, "salt"));
                s.persist(zoo);
                s.persist(fish.checkup("first"));
                s.persist(fish.checkup("second"));
                s.flush();
                ids[z] = zoo.getId();
            }
            return ids;
        });
    }

    private Set<Long> checkupsOf(Long zoo) {
        return ids(db, "select c.id from joined_cascade_checkup c join joined_cascade_animal a on a.id = c.fish_id"
                + " where a.zoo_id = ?", zoo);
    }

    @Test
    void removingTheZooMarksTheCheckupsOfItsFishAndRestoringItBringsThemBack() {
        Long[] zoos = zoos();
        Map<Long, Marker> checkups = markers(db, CHECKUPS);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(JoinedCascadeZoo.class, zoos[0]))));

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(db.rows("select id from joined_cascade_animal where deleted_at is not null")).hasSize(2);
        assertThat(markers(db, CHECKUPS)).as(sql.dump())
                .isEqualTo(cascaded(checkups, checkupsOf(zoos[0]), new Marker(NOW, null, null)));
        db.inTransaction(s -> assertThat(s.createQuery("select c.note from JoinedCascadeCheckup c", String.class)
                .list()).containsExactly("first", "second"));

        db.inTransaction(s -> s.restore(JoinedCascadeZoo.class, zoos[0]));

        assertThat(markers(db, CHECKUPS)).isEqualTo(checkups);
        assertThat(db.rows("select id from joined_cascade_animal where deleted_at is not null")).isEmpty();
    }

    @Test
    void aBulkDeleteOfTheZooMarksTheCheckupsOfItsFishByCommit() {
        Long[] zoos = zoos();
        Map<Long, Marker> checkups = markers(db, CHECKUPS);

        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.createMutationQuery("delete from JoinedCascadeZoo z where z.id = :id").setParameter("id", zoos[0])
                        .executeUpdate()));

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(markers(db, CHECKUPS)).as(sql.dump())
                .isEqualTo(cascaded(checkups, checkupsOf(zoos[0]), new Marker(NOW, null, null)));
        db.inTransaction(s -> assertThat(s.find(JoinedCascadeCheckup.class,
                checkupsOf(zoos[0]).iterator().next())).isNull());
    }
}
