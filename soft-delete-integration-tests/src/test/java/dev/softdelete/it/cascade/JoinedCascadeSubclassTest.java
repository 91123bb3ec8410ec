package dev.softdelete.it.cascade;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.cascade.JoinedCascadeTables.Marker;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeCheckup;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeTank;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.softdelete.it.cascade.JoinedCascadeTables.cascaded;
import static dev.softdelete.it.cascade.JoinedCascadeTables.ids;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markedAt;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markers;
import static dev.softdelete.it.cascade.JoinedCascadeTables.shape;
import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cascade soft delete and restore from a parent to a JOINED subclass whose foreign key is in the
 * subclass table while its marker is in the root table, and on from that subclass to a grandchild
 * level. Birds and tankless fish share the root table and must not be touched.
 */
class JoinedCascadeSubclassTest {

    static final Instant EARLIER = Instant.parse("2026-08-01T07:00:00Z");
    static final Instant NOW = Instant.parse("2026-08-03T16:45:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final String ANIMALS = "select id, deleted_at, deleted_by, delete_reason from joined_cascade_animal";
    static final String CHECKUPS = "select id, deleted_at from joined_cascade_checkup";
    static final Marker LEAK = new Marker(NOW, "erin", "leak");
    static final Marker LEAK_CHECKUP = new Marker(NOW, null, null);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedCascadeTables.MODELS)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "erin");

    /**
     * The tank to drain, with fish that have one checkup each; another tank with one fish and its
     * checkup; a tankless fish and a bird; one fish of the drained tank deleted earlier on its own
     * (with its checkup, by its own cascade), and the checkup of another one deleted earlier on its own.
     */
    private record Tanks(Long drained, Long kept, Long soldFish, Long voidCheckup) {
    }

    private Tanks tanks(int fish) {
        CLOCK.set(EARLIER);
        Tanks tanks = db.fromTransaction(s -> {
            JoinedCascadeTank drained = tank("drained", fish);
            JoinedCascadeTank kept = tank("kept", 1);
            s.persist(drained);
            s.persist(kept);
            JoinedCascadeFish tankless = new JoinedCascadeFish("tankless fish", "fresh");
            s.persist(tankless);
            s.persist(tankless.checkup("tankless checkup"));
            s.persist(new JoinedCascadeBird("bird", 1.0));
            s.flush();
            List<JoinedCascadeFish> inDrained = drained.getFish();
            return new Tanks(drained.getId(), kept.getId(), inDrained.get(0).getId(),
                    inDrained.get(inDrained.size() - 1).getCheckups().get(0).getId());
        });
        db.inTransaction(s -> {
            s.remove(s.find(JoinedCascadeFish.class, tanks.soldFish()));
            s.remove(s.find(JoinedCascadeCheckup.class, tanks.voidCheckup()));
        });
        CLOCK.set(NOW);
        return tanks;
    }

    private static JoinedCascadeTank tank(String label, int fish) {
        JoinedCascadeTank tank = new JoinedCascadeTank(label);
        for (int i = 0; i < fish; i++) {
            tank.add(new JoinedCascadeFish(label + " fish " + i, "salt")).checkup(label + " checkup " + i);
        }
        return tank;
    }

    private SqlRecorder removeTank(Long id) {
        return db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("leak")) {
                s.remove(s.find(JoinedCascadeTank.class, id));
            }
        }));
    }

    private SqlRecorder restoreTank(Long id) {
        return db.record(() -> {
            boolean restored = db.fromTransaction(s -> s.restore(JoinedCascadeTank.class, id));
            assertThat(restored).isTrue();
        });
    }

    private Set<Long> fishOf(Long tank) {
        return ids(db, "select id from joined_cascade_fish where tank_id = ?", tank);
    }

    private Set<Long> checkupsOf(Long tank) {
        return ids(db, "select c.id from joined_cascade_checkup c join joined_cascade_fish f on f.id = c.fish_id"
                + " where f.tank_id = ?", tank);
    }

    @Test
    void removeMarksTheSubclassChildrenInTheRootTableAndTheirCheckups() {
        Tanks tanks = tanks(3);
        Map<Long, Marker> animals = markers(db, ANIMALS);
        Map<Long, Marker> checkups = markers(db, CHECKUPS);

        SqlRecorder sql = removeTank(tanks.drained());

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_tank", 1)
                .hasUpdates("joined_cascade_animal", 1).hasUpdates("joined_cascade_fish", 0)
                .hasUpdates("joined_cascade_checkup", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(cascaded(animals, fishOf(tanks.drained()), LEAK));
        assertThat(markers(db, CHECKUPS)).isEqualTo(cascaded(checkups, checkupsOf(tanks.drained()), LEAK_CHECKUP));
        // two fish and one checkup carry the tank's instant: the sold fish and its checkup, and the
        // voided checkup, keep theirs; the kept tank, the tankless fish and the bird are untouched
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(2);
        assertThat(markedAt(db, CHECKUPS, NOW)).hasSize(1);
        assertThat(markers(db, ANIMALS + " where id = ?", tanks.soldFish()))
                .containsValue(new Marker(EARLIER, "erin", null));
        assertThat(markers(db, ANIMALS + " where deleted_at is null")).hasSize(3);
        assertThat(markers(db, CHECKUPS + " where deleted_at is null")).hasSize(2);
    }

    @Test
    void deleteAndRestoreSendTheSameStatementsFor3And30Children() {
        Long three = tanks(3).drained();
        Long thirty = tanks(30).drained();
        assertThat(fishOf(three)).hasSize(3);
        assertThat(fishOf(thirty)).hasSize(30);

        List<String> deleteThree = shape(removeTank(three));
        SqlRecorder deleteThirtySql = removeTank(thirty);
        List<String> deleteThirty = shape(deleteThirtySql);
        List<String> restoreThree = shape(restoreTank(three));
        SqlRecorder restoreThirtySql = restoreTank(thirty);
        List<String> restoreThirty = shape(restoreThirtySql);

        assertThat(deleteThirty).isEqualTo(deleteThree);
        assertThat(restoreThirty).isEqualTo(restoreThree);
        assertThat(deleteThirtySql.count(StatementKind.DELETE)).isZero();
        assertThat(restoreThirtySql).hasNoHardDeletes().hasUpdates("joined_cascade_animal", 1)
                .hasUpdates("joined_cascade_checkup", 1);
        assertThat(markedAt(db, ANIMALS, NOW)).isEmpty();
        assertThat(markedAt(db, CHECKUPS, NOW)).isEmpty();
    }

    @Test
    void restoreBringsBackExactlyTheCascadedFishAndCheckups() {
        Tanks tanks = tanks(4);
        Map<Long, Marker> animals = markers(db, ANIMALS);
        Map<Long, Marker> checkups = markers(db, CHECKUPS);
        removeTank(tanks.drained());
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(3);

        SqlRecorder sql = restoreTank(tanks.drained());

        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_animal", 1)
                .hasUpdates("joined_cascade_checkup", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(animals);
        assertThat(markers(db, CHECKUPS)).isEqualTo(checkups);
        assertThat(markers(db, ANIMALS + " where deleted_at is not null")).containsOnlyKeys(tanks.soldFish());
    }

    @Test
    void queriesAndFindOnSubclassRootAndGrandchildHideTheCascadedRowsUntilTheRestore() {
        // fish 0 was sold (with checkup 0), fish 2's checkup voided: fish 1 and 2 and checkup 1 go with the tank
        Tanks tanks = tanks(3);
        Long fish = ids(db, "select id from joined_cascade_animal where name = 'drained fish 1'").iterator().next();
        Long checkup = ids(db, "select id from joined_cascade_checkup where note = 'drained checkup 1'")
                .iterator().next();
        removeTank(tanks.drained());

        db.inTransaction(s -> {
            assertThat(names(s, "from JoinedCascadeFish")).containsExactly("kept fish 0", "tankless fish");
            assertThat(names(s, "from JoinedCascadeAnimal")).containsExactly("bird", "kept fish 0", "tankless fish");
            assertThat(notes(s)).containsExactly("kept checkup 0", "tankless checkup");
            assertThat(s.find(JoinedCascadeFish.class, fish)).isNull();
            assertThat(s.find(JoinedCascadeAnimal.class, fish)).isNull();
            assertThat(s.find(JoinedCascadeCheckup.class, checkup)).isNull();
        });
        restoreTank(tanks.drained());

        db.inTransaction(s -> {
            assertThat(names(s, "from JoinedCascadeFish")).containsExactly("drained fish 1", "drained fish 2",
                    "kept fish 0", "tankless fish");
            assertThat(names(s, "from JoinedCascadeAnimal")).containsExactly("bird", "drained fish 1",
                    "drained fish 2", "kept fish 0", "tankless fish");
            assertThat(notes(s)).containsExactly("drained checkup 1", "kept checkup 0", "tankless checkup");
            assertThat(s.find(JoinedCascadeAnimal.class, fish)).isInstanceOf(JoinedCascadeFish.class);
            assertThat(s.find(JoinedCascadeCheckup.class, checkup)).isNotNull();
            assertThat(s.find(JoinedCascadeFish.class, tanks.soldFish())).isNull();
            assertThat(s.find(JoinedCascadeCheckup.class, tanks.voidCheckup())).isNull();
        });
    }

    @Test
    void aBulkDeleteOfTheTankCascadesIntoTheSubclassAndItsCheckupsByCommitAndIsRestored() {
        Tanks tanks = tanks(3);
        Map<Long, Marker> animals = markers(db, ANIMALS);
        Map<Long, Marker> checkups = markers(db, CHECKUPS);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("leak")) {
                s.createMutationQuery("delete from JoinedCascadeTank t where t.id = :id")
                        .setParameter("id", tanks.drained()).executeUpdate();
            }
        }));

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_tank", 1)
                .hasUpdates("joined_cascade_animal", 1).hasUpdates("joined_cascade_checkup", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(cascaded(animals, fishOf(tanks.drained()), LEAK));
        assertThat(markers(db, CHECKUPS)).isEqualTo(cascaded(checkups, checkupsOf(tanks.drained()), LEAK_CHECKUP));
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(2);

        restoreTank(tanks.drained());
        assertThat(markers(db, ANIMALS)).isEqualTo(animals);
        assertThat(markers(db, CHECKUPS)).isEqualTo(checkups);
    }

    private static List<String> names(SoftDeleteSession s, String hql) {
        return s.createQuery(hql, JoinedCascadeAnimal.class).list().stream().map(JoinedCascadeAnimal::getName)
                .sorted().toList();
    }

    private static List<String> notes(SoftDeleteSession s) {
        return s.createQuery("from JoinedCascadeCheckup", JoinedCascadeCheckup.class).list().stream()
                .map(JoinedCascadeCheckup::getNote).sorted().toList();
    }
}
