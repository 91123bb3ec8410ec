package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RestoreWithParentsTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class, CascadeComment.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private long[] deletedBlogPostComment() {
        CLOCK.set(NOW);
        long[] ids = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost post = blog.post("post");
            CascadeComment comment = post.comment("comment");
            s.persist(blog);
            s.persist(comment);
            return new long[] {blog.getId(), post.getId(), comment.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, ids[0])));
        return ids;
    }

    @Test
    void restoringAChildWhoseParentIsStillDeletedFailsAndChangesNothing() {
        long[] ids = deletedBlogPostComment();

        assertThatIllegalStateException()
                .isThrownBy(() -> db.inTransaction(s -> s.restore(CascadeComment.class, ids[2])))
                .withMessageContaining("cannot restore dev.softdelete.it.model.CascadeComment#" + ids[2])
                .withMessageContaining("its parent dev.softdelete.it.model.CascadePost#" + ids[1])
                .withMessageContaining("RestoreOption.WITH_PARENTS");

        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void withParentsRestoresTheChainUpToTheRoot() {
        long[] ids = deletedBlogPostComment();

        boolean restored = db.fromTransaction(s -> s.restore(CascadeComment.class, ids[2], RestoreOption.WITH_PARENTS));

        assertThat(restored).isTrue();
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).hasSize(1);
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(1);
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).hasSize(1);
    }

    @Test
    void restoreDeletedSinceBringsBackOnlyWhatWasDeletedInTheWindow() {
        long[] old = deletedBlogPostComment();
        CLOCK.set(NOW.plus(Duration.ofDays(2)));
        long[] recent = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("recent");
            blog.post("recent post");
            s.persist(blog);
            return new long[] {blog.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, recent[0])));

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeBlog.class, NOW.plus(Duration.ofDays(1))));

        assertThat(restored).isEqualTo(1);
        assertThat(db.rows("select id from cascade_blog where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(old[0]);
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(1);
    }
}
