package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cascade locks the rows it marks and nothing else: the cascade of one blog does not wait for a
 * transaction holding the comments of another blog. (On MariaDB a cascade's second level used to scan,
 * and lock, the whole comment table: it waited here, and concurrent cascades deadlocked.)
 */
class CascadeLockScopeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class);

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    private long[] twoBlogs() {
        return db.fromTransaction(s -> {
            long[] ids = new long[3];
            for (int b = 0; b < 2; b++) {
                CascadeBlog blog = new CascadeBlog("blog " + b);
                java.util.List<CascadeComment> comments = new java.util.ArrayList<>();
                for (int p = 0; p < 3; p++) {
                    CascadePost post = blog.post("post " + b + p);
                    comments.add(post.comment("c1"));
                    comments.add(post.comment("c2"));
                }
                s.persist(blog);
                comments.forEach(s::persist);
                s.flush();
                ids[b] = blog.getId();
                ids[2] = blog.getPosts().get(0).getId();
            }
            return ids; // blog 0, blog 1, a post of blog 1
        });
    }

    @Test
    void aCascadeDoesNotWaitForRowsOfAnotherParent() throws Exception {
        long[] ids = twoBlogs();
        try (SoftDeleteSession holding = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction held = holding.beginTransaction();
            // locks a post of blog 1 and its comments, and keeps them locked
            holding.remove(holding.find(CascadePost.class, ids[2]));
            holding.flush();

            Future<Boolean> cascade = other.submit(() -> {
                db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, ids[0])));
                return true;
            });
            boolean waited = LockWaits.awaitBlockedOrDone(db, cascade, 10, TimeUnit.SECONDS);
            held.commit();

            assertThat(waited).as("the cascade of blog 0 waited for rows of blog 1").isFalse();
            assertThat(cascade.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(db.countRows("cascade_comment")).isEqualTo(12);
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).hasSize(4);
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(2);
    }
}
