package dev.softdelete.it.docs.guide;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSession;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's sample of §5: a restore by id, with parents, of everything deleted since an instant, and of a list. */
class GuideRestoreSamplesTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, CascadeBlog.class, CascadePost.class,
            CascadeComment.class).with(SoftDeleteSettings.CLOCK, CLOCK);

    @Test
    void eachRestoreBringsBackWhatItsCommentSays() {
        CLOCK.set(NOW.minus(Duration.ofDays(3)));
        Long id = Customers.create(db, "ann@example.com");
        Long lastWeek = Customers.create(db, "old@example.com");
        Long today = Customers.create(db, "new@example.com");
        long[] blogPostComment = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost post = blog.post("post");
            CascadeComment comment = post.comment("comment");
            s.persist(blog);
            s.persist(comment);
            return new long[] {blog.getId(), post.getId(), comment.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(Customer.class, lastWeek)));
        CLOCK.set(NOW);
        db.inTransaction(s -> {
            s.remove(s.find(Customer.class, id));
            s.remove(s.find(Customer.class, today));
            s.remove(s.find(CascadeBlog.class, blogPostComment[0]));
        });
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        List<Long> selectedIds = List.of(lastWeek);

        int[] results = db.sessionFactory().fromTransaction(session -> {
            CascadeComment comment = SoftDeleteSession.wrap(session)
                    .unfiltered(() -> session.find(CascadeComment.class, blogPostComment[2]));
            // tag::guide-restore[]
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            boolean restored = s.restore(Customer.class, id);              // or s.restore(customer)
            s.restore(comment, RestoreOption.WITH_PARENTS);                // its deleted post (and blog) first
            int n = s.restoreDeletedSince(Customer.class, yesterday);      // everything deleted since yesterday
            int m = s.restoreAll(Customer.class, selectedIds);             // the rows a trash page selected
            // end::guide-restore[]
            return new int[] {restored ? 1 : 0, n, m};
        });

        assertThat(results).containsExactly(1, 1, 1);
        assertThat(db.rows("select id from customer where deleted_at is not null")).isEmpty();
        assertThat(liveCount("cascade_blog") + liveCount("cascade_post") + liveCount("cascade_comment")).isEqualTo(3);
    }

    private long liveCount(String table) {
        return ((Number) db.rows("select count(*) as n from " + table + " where deleted_at is null").get(0).get("n")).longValue();
    }
}
