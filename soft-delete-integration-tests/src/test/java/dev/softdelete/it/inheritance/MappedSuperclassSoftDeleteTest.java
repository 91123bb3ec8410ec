package dev.softdelete.it.inheritance;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.JoinedCircle;
import dev.softdelete.it.model.JoinedShape;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @SoftDelete} on a {@code @MappedSuperclass} makes the entity hierarchy below it soft-deletable. */
class MappedSuperclassSoftDeleteTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(JoinedShape.class, JoinedCircle.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW))
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @BeforeEach
    void aCircleAndAShape() {
        db.inTransaction(s -> {
            s.persist(new JoinedCircle(1L, "wheel", 2.5));
            s.persist(new JoinedShape(2L, "blob"));
        });
    }

    @Test
    void removeOfASubclassInstanceIsOneUpdateOfTheRootTable() {
        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(JoinedCircle.class, 1L))));

        // THEN
        assertThat(sql.count(StatementKind.UPDATE)).as(sql.dump()).isEqualTo(1);
        assertThat(sql).as(sql.dump()).hasNoHardDeletes().hasUpdates("joined_shape", 1);
        Map<String, Object> row = db.row("joined_shape", 1L);
        assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(db.row("joined_circle", 1L)).isNotNull();
    }

    @Test
    void queriesHideTheDeletedRowAndUnfilteredShowsIt() {
        // GIVEN
        db.inTransaction(s -> s.remove(s.find(JoinedCircle.class, 1L)));

        // THEN
        db.inTransaction(s -> {
            assertThat(s.createQuery("select x.label from JoinedShape x", String.class).list()).containsExactly("blob");
            assertThat(s.createQuery("select c.label from JoinedCircle c", String.class).list()).isEmpty();
            assertThat(s.find(JoinedCircle.class, 1L)).isNull();
            assertThat(s.unfiltered(() -> s.createQuery("select x.label from JoinedShape x order by x.label",
                    String.class).list())).containsExactly("blob", "wheel");
        });
    }
}
