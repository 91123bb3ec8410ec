package dev.softdelete.it.restore;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeCheckup;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeKeeper;
import dev.softdelete.it.model.JoinedCascadeTank;
import dev.softdelete.it.model.JoinedCascadeZoo;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore named by the hierarchy's root type ({@code JoinedCascadeAnimal.class}) of a row of a subclass
 * whose own REMOVE cascade reaches further (a fish and its checkups): the row comes back with what that
 * cascade marked, whichever restore names it; a deleted parent of that subclass refuses it; previews
 * named so count that cascade.
 */
class RestoreByRootTypeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedCascadeZoo.class, JoinedCascadeAnimal.class,
            JoinedCascadeBird.class, JoinedCascadeFish.class, JoinedCascadeTank.class, JoinedCascadeCheckup.class,
            JoinedCascadeKeeper.class);

    /** Removes a fish with one checkup, restores it the given way, and returns the checkups still deleted. */
    private List<?> checkupsDeletedAfter(BiConsumer<SoftDeleteSession, Long> restore) {
        long fish = db.fromTransaction(s -> {
            JoinedCascadeFish nemo = new JoinedCascadeFish("nemo", "salt");
            s.persist(nemo);
            s.persist(nemo.checkup("fins"));
            return nemo.getId();
        });
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeFish.class, fish)));
        assertThat(db.rows("select id from joined_cascade_checkup where deleted_at is not null")).hasSize(1);

        db.inTransaction(s -> restore.accept(s, fish));

        assertThat(db.rows("select id from joined_cascade_animal where deleted_at is not null")).isEmpty();
        return db.rows("select id from joined_cascade_checkup where deleted_at is not null");
    }

    @Test
    void restoreByIdBringsBackTheSubclassCascade() {
        assertThat(checkupsDeletedAfter((s, fish) -> s.restore(JoinedCascadeAnimal.class, fish))).isEmpty();
    }

    @Test
    void restoreAllBringsBackTheSubclassCascade() {
        assertThat(checkupsDeletedAfter((s, fish) -> s.restoreAll(JoinedCascadeAnimal.class, List.of(fish)))).isEmpty();
    }

    @Test
    void restoreDeletedSinceBringsBackTheSubclassCascade() {
        Instant before = Instant.now().minusSeconds(60);
        assertThat(checkupsDeletedAfter((s, fish) -> s.restoreDeletedSince(JoinedCascadeAnimal.class, before)))
                .isEmpty();
    }

    @Test
    void aSubclassRowWhoseParentIsDeletedIsRefusedWhicheverRestoreNamesIt() {
        long[] tankAndFish = db.fromTransaction(s -> {
            JoinedCascadeTank tank = new JoinedCascadeTank("reef");
            JoinedCascadeFish dory = tank.add(new JoinedCascadeFish("dory", "salt"));
            s.persist(tank);
            s.persist(dory.checkup("memory"));
            s.flush();
            return new long[] {tank.getId(), dory.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeTank.class, tankAndFish[0])));
        String parent = JoinedCascadeTank.class.getName() + "#" + tankAndFish[0];

        db.inTransaction(s -> {
            assertThatThrownBy(() -> s.restore(JoinedCascadeAnimal.class, tankAndFish[1]))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(parent);
            assertThatThrownBy(() -> s.restoreAll(JoinedCascadeAnimal.class, List.of(tankAndFish[1])))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(parent);
        });
        assertThat(db.rows("select id from joined_cascade_animal where deleted_at is null")).isEmpty();
    }

    @Test
    void previewsByTheRootTypeCountTheSubclassCascade() {
        long fish = db.fromTransaction(s -> {
            JoinedCascadeFish marlin = new JoinedCascadeFish("marlin", "salt");
            s.persist(marlin);
            s.persist(marlin.checkup("stripes"));
            return marlin.getId();
        });

        assertThat(db.fromTransaction(s -> s.previewDelete(JoinedCascadeAnimal.class, fish))
                .rows(JoinedCascadeCheckup.class)).isEqualTo(1);
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeFish.class, fish)));
        assertThat(db.fromTransaction(s -> s.previewRestore(JoinedCascadeAnimal.class, fish))
                .rows(JoinedCascadeCheckup.class)).isEqualTo(1);
    }

    @Test
    void aRowOfAnotherBranchIsNoRowOfTheNamedClass() {
        long bird = db.fromTransaction(s -> {
            JoinedCascadeBird tweety = new JoinedCascadeBird("tweety", 0.1);
            s.persist(tweety);
            return tweety.getId();
        });
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeBird.class, bird)));

        boolean restoredAsFish = db.fromTransaction(s -> s.restore(JoinedCascadeFish.class, bird));
        boolean erasedAsFish = db.fromTransaction(s -> s.hardDelete(JoinedCascadeFish.class, bird));
        int listedAsFish = db.fromTransaction(s -> s.restoreAll(JoinedCascadeFish.class, List.of(bird)));
        int fishSince = db.fromTransaction(s -> s.restoreDeletedSince(JoinedCascadeFish.class, Instant.EPOCH));

        assertThat(restoredAsFish).isFalse();
        assertThat(erasedAsFish).isFalse();
        assertThat(listedAsFish).isZero();
        assertThat(fishSince).isZero();
        assertThat(db.rows("select id from joined_cascade_animal where id = ? and deleted_at is not null", bird))
                .hasSize(1);

        long fish = db.fromTransaction(s -> {
            JoinedCascadeFish nemo = new JoinedCascadeFish("nemo", "salt");
            s.persist(nemo);
            return nemo.getId();
        });
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeFish.class, fish)));
        int fishOfTwo = db.fromTransaction(s -> s.restoreAll(JoinedCascadeFish.class, List.of(fish, bird)));

        assertThat(fishOfTwo).isEqualTo(1);
        assertThat(db.rows("select id from joined_cascade_animal where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(bird);
    }
}
