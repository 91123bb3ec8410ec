package dev.softdelete.it.cascade;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.cascade.JoinedCascadeTables.Marker;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeZoo;
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
 * Cascade soft delete and restore from a parent to the root of a JOINED hierarchy, whose children are
 * plain animals, birds and fish: the foreign key and the marker are both in the root table, the
 * subclass tables are left alone.
 */
class JoinedCascadeRootTest {

    static final Instant EARLIER = Instant.parse("2026-07-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-07-02T09:30:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final String ANIMALS = "select id, deleted_at, deleted_by, delete_reason from joined_cascade_animal";
    static final Marker CLOSED = new Marker(NOW, "dora", "closed");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedCascadeTables.MODELS)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "dora");

    /**
     * The zoo to close, with {@code perKind} plain animals, birds and fish; another zoo with one of
     * each; and one fish of the first zoo deleted on its own, earlier.
     */
    private record Zoos(Long closed, Long open, Long soldFish) {
    }

    private Zoos zoos(int perKind) {
        CLOCK.set(EARLIER);
        Zoos zoos = db.fromTransaction(s -> {
            JoinedCascadeZoo closed = zoo("closed", perKind);
            JoinedCascadeZoo open = zoo("open", 1);
            s.persist(closed);
            s.persist(open);
            s.flush();
            Long sold = closed.getAnimals().stream().filter(JoinedCascadeFish.class::isInstance).findFirst()
                    .orElseThrow().getId();
            return new Zoos(closed.getId(), open.getId(), sold);
        });
        db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("sold")) {
                s.remove(s.find(JoinedCascadeFish.class, zoos.soldFish()));
            }
        });
        CLOCK.set(NOW);
        return zoos;
    }

    private static JoinedCascadeZoo zoo(String name, int perKind) {
        JoinedCascadeZoo zoo = new JoinedCascadeZoo(name);
        for (int i = 0; i < perKind; i++) {
            zoo.add(new JoinedCascadeAnimal(name + " plain " + i));
            zoo.add(new JoinedCascadeBird(name + " bird " + i, 0.5 + i));
            zoo.add(new JoinedCascadeFish(name + " fish " + i, "salt"));
        }
        return zoo;
    }

    private SqlRecorder removeZoo(Long id) {
        return db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("closed")) {
                s.remove(s.find(JoinedCascadeZoo.class, id));
            }
        }));
    }

    private SqlRecorder restoreZoo(Long id) {
        return db.record(() -> {
            boolean restored = db.fromTransaction(s -> s.restore(JoinedCascadeZoo.class, id));
            assertThat(restored).isTrue();
        });
    }

    private Set<Long> animalsOf(Long zoo) {
        return ids(db, "select id from joined_cascade_animal where zoo_id = ?", zoo);
    }

    @Test
    void removeMarksEveryChildOfEverySubclassWithTheZoosInstantActorAndReason() {
        Zoos zoos = zoos(3);
        Map<Long, Marker> before = markers(db, ANIMALS);

        SqlRecorder sql = removeZoo(zoos.closed());

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_zoo", 1)
                .hasUpdates("joined_cascade_animal", 1)
                .hasUpdates("joined_cascade_bird", 0).hasUpdates("joined_cascade_fish", 0);
        assertThat(markers(db, ANIMALS)).isEqualTo(cascaded(before, animalsOf(zoos.closed()), CLOSED));
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(8);
        assertThat(markers(db, ANIMALS + " where zoo_id = ? and deleted_at is null", zoos.open())).hasSize(3);
        assertThat(markers(db, ANIMALS + " where id = ?", zoos.soldFish()))
                .containsValue(new Marker(EARLIER, "dora", "sold"));
        // the subclass rows stay: a soft delete writes the root table only
        assertThat(db.countRows("joined_cascade_bird")).isEqualTo(4);
        assertThat(db.countRows("joined_cascade_fish")).isEqualTo(4);
    }

    @Test
    void deleteAndRestoreSendTheSameStatementsFor3And30Children() {
        Long three = zoos(1).closed();
        Long thirty = zoos(10).closed();
        assertThat(animalsOf(three)).hasSize(3);
        assertThat(animalsOf(thirty)).hasSize(30);

        List<String> deleteThree = shape(removeZoo(three));
        SqlRecorder deleteThirtySql = removeZoo(thirty);
        List<String> deleteThirty = shape(deleteThirtySql);
        List<String> restoreThree = shape(restoreZoo(three));
        SqlRecorder restoreThirtySql = restoreZoo(thirty);
        List<String> restoreThirty = shape(restoreThirtySql);

        assertThat(deleteThirty).isEqualTo(deleteThree);
        assertThat(restoreThirty).isEqualTo(restoreThree);
        assertThat(markedAt(db, ANIMALS, NOW)).isEmpty();
        assertThat(deleteThirtySql.count(StatementKind.DELETE)).isZero();
        assertThat(restoreThirtySql).hasNoHardDeletes().hasUpdates("joined_cascade_animal", 1);
    }

    @Test
    void restoreBringsBackExactlyTheCascadedRowsAndLeavesTheFishSoldEarlierDeleted() {
        Zoos zoos = zoos(3);
        Map<Long, Marker> before = markers(db, ANIMALS);
        removeZoo(zoos.closed());

        SqlRecorder sql = restoreZoo(zoos.closed());

        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_animal", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(before);
        assertThat(markers(db, ANIMALS + " where deleted_at is not null")).containsOnlyKeys(zoos.soldFish());
        assertThat(db.rows("select id from joined_cascade_zoo where deleted_at is not null")).isEmpty();
    }

    @Test
    void queriesAndFindOnRootAndSubclassesHideTheCascadedChildrenUntilTheRestore() {
        Zoos zoos = zoos(2);
        Long bird = ids(db, "select a.id from joined_cascade_animal a join joined_cascade_bird b on b.id = a.id"
                + " where a.zoo_id = ?", zoos.closed()).iterator().next();
        Long fish = ids(db, "select a.id from joined_cascade_animal a join joined_cascade_fish f on f.id = a.id"
                + " where a.zoo_id = ? and a.deleted_at is null", zoos.closed()).iterator().next();
        removeZoo(zoos.closed());

        db.inTransaction(s -> {
            assertThat(names(s, "from JoinedCascadeAnimal")).containsExactly("open bird 0", "open fish 0", "open plain 0");
            assertThat(names(s, "from JoinedCascadeBird")).containsExactly("open bird 0");
            assertThat(names(s, "from JoinedCascadeFish")).containsExactly("open fish 0");
            assertThat(s.find(JoinedCascadeBird.class, bird)).isNull();
            assertThat(s.find(JoinedCascadeAnimal.class, bird)).isNull();
            assertThat(s.find(JoinedCascadeFish.class, fish)).isNull();
        });
        restoreZoo(zoos.closed());

        db.inTransaction(s -> {
            assertThat(names(s, "from JoinedCascadeAnimal")).containsExactly("closed bird 0", "closed bird 1",
                    "closed fish 1", "closed plain 0", "closed plain 1", "open bird 0", "open fish 0", "open plain 0");
            assertThat(names(s, "from JoinedCascadeFish")).containsExactly("closed fish 1", "open fish 0");
            assertThat(s.find(JoinedCascadeAnimal.class, bird)).isInstanceOf(JoinedCascadeBird.class);
            assertThat(s.find(JoinedCascadeFish.class, fish)).isNotNull();
            assertThat(s.find(JoinedCascadeFish.class, zoos.soldFish())).isNull();
        });
    }

    @Test
    void aBulkDeleteOfTheZooCascadesIntoTheHierarchyByCommitAndIsRestored() {
        Zoos zoos = zoos(3);
        Map<Long, Marker> before = markers(db, ANIMALS);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("closed")) {
                s.createMutationQuery("delete from JoinedCascadeZoo z where z.id = :id")
                        .setParameter("id", zoos.closed()).executeUpdate();
            }
        }));

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_zoo", 1)
                .hasUpdates("joined_cascade_animal", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(cascaded(before, animalsOf(zoos.closed()), CLOSED));
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(8);

        restoreZoo(zoos.closed());
        assertThat(markers(db, ANIMALS)).isEqualTo(before);
    }

    @Test
    void aQueryOnTheSubclassAfterTheBulkDeleteInTheSameTransactionAlreadySeesTheCascade() {
        Zoos zoos = zoos(2);

        db.inTransaction(s -> {
            s.createMutationQuery("delete from JoinedCascadeZoo z where z.id = :id")
                    .setParameter("id", zoos.closed()).executeUpdate();
            assertThat(names(s, "from JoinedCascadeFish")).containsExactly("open fish 0");
        });
    }

    private static List<String> names(SoftDeleteSession s, String hql) {
        return s.createQuery(hql, JoinedCascadeAnimal.class).list().stream().map(JoinedCascadeAnimal::getName)
                .sorted().toList();
    }
}
