package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.cascade.JoinedCascadeTables.Marker;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeKeeper;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static dev.softdelete.it.cascade.JoinedCascadeTables.cascaded;
import static dev.softdelete.it.cascade.JoinedCascadeTables.ids;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markers;
import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cascading collection typed with a JOINED subclass ({@code List<JoinedCascadeBird>}) whose foreign
 * key is declared by the root, so it sits in the root table next to the marker: the cascade must
 * reach the birds of the keeper, and not the keeper's fish or plain animals, which Hibernate's own
 * cascade would never see (the collection holds birds only).
 * <p>
 * Before the fix the step was a direct one-to-many on the root table ({@code update
 * joined_cascade_animal ... where keeper_id in (?)}) without a restriction to the subclass, so every
 * animal of the keeper was marked.
 */
class JoinedCascadeSubclassCollectionTest {

    static final Instant NOW = Instant.parse("2026-09-03T11:00:00Z");
    static final String ANIMALS = "select id, deleted_at, deleted_by, delete_reason from joined_cascade_animal";

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedCascadeTables.MODELS)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW));

    @Test
    void removingAKeeperMarksItsBirdsOnlyAndRestoringItBringsThemBack() {
        Long keeper = db.fromTransaction(s -> {
            JoinedCascadeKeeper k = new JoinedCascadeKeeper();
            k.add(new JoinedCascadeBird("bird 0", 1.0));
            k.add(new JoinedCascadeBird("bird 1", 2.0));
            s.persist(k);
            s.persist(k.alsoKeeps(new JoinedCascadeFish("fish", "salt")));
            s.persist(k.alsoKeeps(new JoinedCascadeAnimal("plain")));
            return k.getId();
        });
        Set<Long> birds = ids(db, "select b.id from joined_cascade_bird b join joined_cascade_animal a on a.id = b.id"
                + " where a.keeper_id = ?", keeper);
        Map<Long, Marker> animals = markers(db, ANIMALS);
        assertThat(birds).hasSize(2);
        assertThat(animals).hasSize(4);

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(JoinedCascadeKeeper.class, keeper))));

        assertThat(sql).as(sql.dump()).hasNoHardDeletes();
        assertThat(markers(db, ANIMALS)).as(sql.dump()).isEqualTo(cascaded(animals, birds, new Marker(NOW, null, null)));
        db.inTransaction(s -> assertThat(s.createQuery("select a.name from JoinedCascadeAnimal a order by a.name",
                String.class).list()).containsExactly("fish", "plain"));

        db.inTransaction(s -> s.restore(JoinedCascadeKeeper.class, keeper));

        assertThat(markers(db, ANIMALS)).isEqualTo(animals);
    }
}
