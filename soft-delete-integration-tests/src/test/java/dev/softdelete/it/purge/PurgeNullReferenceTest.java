package dev.softdelete.it.purge;

import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.PurgeChild;
import dev.softdelete.it.model.PurgeGrandchild;
import dev.softdelete.it.model.PurgeParent;
import dev.softdelete.it.model.PurgeTag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live child whose foreign key is NULL references no parent: it must not hold back due parents.
 * (In SQL, {@code id not in (..., NULL)} is never true; a purge once deleted nothing because of it.)
 */
class PurgeNullReferenceTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(40));
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PurgeParent.class, PurgeChild.class,
                    PurgeGrandchild.class, PurgeTag.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private static Purger purger() {
        return Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDueParentIsPurgedWhileALiveChildHasNoParent() {
        CLOCK.set(OLD);
        db.inTransaction(s -> s.persist(new PurgeParent(1L)));
        db.inTransaction(s -> s.remove(s.find(PurgeParent.class, 1L)));
        db.inTransaction(s -> s.createNativeMutationQuery("insert into purge_child (id, parent_id) values (99, null)")
                .executeUpdate());
        CLOCK.set(NOW);

        purger().run();

        assertThat(db.countRows("purge_parent")).isZero();
        assertThat(db.rows("select id from purge_child")).hasSize(1);
    }

    @Test
    void theSameHoldsInBatchesWithAListener() {
        CLOCK.set(OLD);
        db.inTransaction(s -> {
            for (long id = 1; id <= 3; id++) {
                s.persist(new PurgeParent(id));
            }
        });
        db.inTransaction(s -> s.createMutationQuery("delete from PurgeParent").executeUpdate());
        db.inTransaction(s -> s.createNativeMutationQuery("insert into purge_child (id, parent_id) values (99, null)")
                .executeUpdate());
        CLOCK.set(NOW);

        purger().batchSize(2).listener(batch -> { }).run();

        assertThat(db.countRows("purge_parent")).isZero();
    }
}
