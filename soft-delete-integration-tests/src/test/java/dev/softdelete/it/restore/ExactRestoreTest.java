package dev.softdelete.it.restore;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.SecondsOwner;
import dev.softdelete.it.model.SecondsPet;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore brings back exactly the rows one delete marked, even when another delete marked a child
 * with the same stored instant: a marker column that keeps whole seconds, or two deletes within one
 * tick of the clock. What tells them apart is the delete operation id written with the marker.
 */
class ExactRestoreTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00.100Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(SecondsOwner.class, SecondsPet.class,
            CascadeBlog.class, CascadePost.class, CascadeComment.class).with(SoftDeleteSettings.CLOCK, CLOCK);

    @Test
    void petDeletedOnItsOwnInTheSameSecondStaysDeletedWhenItsOwnerIsRestored() {
        CLOCK.set(NOW);
        long[] ids = db.fromTransaction(s -> {
            SecondsOwner owner = new SecondsOwner("owner");
            SecondsPet alone = owner.pet("deleted on its own");
            SecondsPet first = owner.pet("first");
            SecondsPet second = owner.pet("second");
            s.persist(owner);
            return new long[] {owner.getId(), alone.getId(), first.getId(), second.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(SecondsPet.class, ids[1])));
        CLOCK.set(NOW.plus(Duration.ofMillis(300))); // same whole second as the pet's delete
        db.inTransaction(s -> s.remove(s.find(SecondsOwner.class, ids[0])));
        assertThat(db.rows("select distinct deleted_at from seconds_pet")).as("one stored instant for all pets")
                .hasSize(1);

        boolean restored = db.fromTransaction(s -> s.restore(SecondsOwner.class, ids[0]));

        assertThat(restored).isTrue();
        assertThat(liveIds("seconds_pet")).containsExactlyInAnyOrder(ids[2], ids[3]);
    }

    @Test
    void postDeletedOnItsOwnAtTheSameInstantStaysDeletedWhenItsBlogIsRestored() {
        CLOCK.set(NOW);
        long[] ids = blogWithTwoPosts();
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, ids[1])));
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, ids[0]))); // the clock has not moved

        db.inTransaction(s -> s.restore(CascadeBlog.class, ids[0]));

        assertThat(liveIds("cascade_post")).containsExactly(ids[2]);
    }

    @Test
    void bulkDeleteRestoreOfOneBlogBringsBackOnlyItsOwnPosts() {
        CLOCK.set(NOW);
        long[] first = blogWithTwoPosts();
        long[] second = blogWithTwoPosts();
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, first[1])));
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog").executeUpdate());

        db.inTransaction(s -> s.restore(CascadeBlog.class, first[0]));

        assertThat(liveIds("cascade_blog")).containsExactly(first[0]);
        assertThat(liveIds("cascade_post")).containsExactly(first[2]);
        assertThat(db.rows("select id from cascade_post where deleted_at is null and id in (?, ?)", second[1], second[2]))
                .isEmpty();
    }

    @Test
    void rowsMarkedWithoutAnOperationIdAreRestoredByTheirInstant() {
        CLOCK.set(NOW);
        long[] ids = blogWithTwoPosts();
        // as a row deleted before the column existed: marker set, operation id NULL
        db.update("update cascade_blog set deleted_at = ? where id = ?", java.sql.Timestamp.from(NOW), ids[0]);
        db.update("update cascade_post set deleted_at = ? where blog_id = ?", java.sql.Timestamp.from(NOW), ids[0]);

        db.inTransaction(s -> s.restore(CascadeBlog.class, ids[0]));

        assertThat(liveIds("cascade_post")).containsExactlyInAnyOrder(ids[1], ids[2]);
    }

    /** A live blog with two live posts: {blog, post 1, post 2}. */
    private long[] blogWithTwoPosts() {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost one = blog.post("one");
            CascadePost two = blog.post("two");
            s.persist(blog);
            return new long[] {blog.getId(), one.getId(), two.getId()};
        });
    }

    private List<Long> liveIds(String table) {
        return db.rows("select id from " + table + " where deleted_at is null").stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }
}
