package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.cascade.JoinedCascadeTables.Marker;
import dev.softdelete.it.model.JoinedCascadeReptile;
import dev.softdelete.it.model.JoinedCascadeTerrarium;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.softdelete.it.cascade.JoinedCascadeTables.cascaded;
import static dev.softdelete.it.cascade.JoinedCascadeTables.ids;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markedAt;
import static dev.softdelete.it.cascade.JoinedCascadeTables.markers;
import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JOINED subclass whose table joins the root through a differently named key column
 * ({@code @PrimaryKeyJoinColumn(name = "animal_id")}, the root's is {@code id}).
 * <p>
 * The identifier mapping of a JOINED subclass persister names the subclass table's key column; the
 * marker lives in the root table, whose key column has another name here. Before the fix the
 * remove, the restore and the cascade all failed with "column animal_id not found".
 */
class JoinedCascadeRenamedKeyTest {

    static final Instant NOW = Instant.parse("2026-09-02T11:00:00Z");
    static final String ANIMALS = "select id, deleted_at, deleted_by, delete_reason from joined_cascade_animal";

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(models())
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW));

    private static Class<?>[] models() {
        List<Class<?>> models = new ArrayList<>(Arrays.asList(JoinedCascadeTables.MODELS));
        models.add(JoinedCascadeTerrarium.class);
        models.add(JoinedCascadeReptile.class);
        return models.toArray(Class<?>[]::new);
    }

    /** Two terrariums, with 3 and 4 reptiles; returns their ids. */
    private Long[] terrariums() {
        return db.fromTransaction(s -> {
            Long[] ids = new Long[2];
            for (int t = 0; t < 2; t++) {
                JoinedCascadeTerrarium terrarium = new JoinedCascadeTerrarium();
                for (int r = 0; r < t + 3; r++) {
                    terrarium.add(new JoinedCascadeReptile("reptile " + t + "." + r));
                }
                s.persist(terrarium);
                s.flush();
                ids[t] = terrarium.getId();
            }
            return ids;
        });
    }

    @Test
    void removeOfAReptileMarksItsRootRow() {
        Long reptile = db.fromTransaction(s -> {
            JoinedCascadeReptile alone = new JoinedCascadeReptile("alone");
            s.persist(alone);
            s.flush();
            return alone.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(JoinedCascadeReptile.class, reptile))));

        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_cascade_animal", 1);
        assertThat(markers(db, ANIMALS)).containsExactly(Map.entry(reptile, new Marker(NOW, null, null)));
    }

    @Test
    void restoreOfAReptileClearsItsRootRow() {
        Long reptile = db.fromTransaction(s -> {
            JoinedCascadeReptile alone = new JoinedCascadeReptile("alone");
            s.persist(alone);
            s.flush();
            return alone.getId();
        });
        // marked with a plain bulk update, which is Hibernate's own SQL, so this test is about restore only
        db.inTransaction(s -> s.createMutationQuery("update JoinedCascadeAnimal a set a.deletedAt = :now where a.id = :id")
                .setParameter("now", NOW).setParameter("id", reptile).executeUpdate());
        assertThat(markers(db, ANIMALS)).containsExactly(Map.entry(reptile, new Marker(NOW, null, null)));

        boolean restored = db.fromTransaction(s -> s.restore(JoinedCascadeReptile.class, reptile));

        assertThat(restored).isTrue();
        assertThat(markers(db, ANIMALS)).containsExactly(Map.entry(reptile, Marker.LIVE));
    }

    @Test
    void removingATerrariumMarksItsReptilesAndRestoringItBringsThemBack() {
        Long[] terrariums = terrariums();
        Map<Long, Marker> animals = markers(db, ANIMALS);

        SqlRecorder sql = db.record(() -> db.inTransaction(s ->
                s.remove(s.find(JoinedCascadeTerrarium.class, terrariums[0]))));

        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
        assertThat(sql).as(sql.dump()).hasUpdates("joined_cascade_animal", 1);
        assertThat(markers(db, ANIMALS)).isEqualTo(cascaded(animals, ids(db,
                "select animal_id as id from joined_cascade_reptile where terrarium_id = ?", terrariums[0]),
                new Marker(NOW, null, null)));
        assertThat(markedAt(db, ANIMALS, NOW)).hasSize(3);

        db.inTransaction(s -> s.restore(JoinedCascadeTerrarium.class, terrariums[0]));

        assertThat(markers(db, ANIMALS)).isEqualTo(animals);
    }
}
