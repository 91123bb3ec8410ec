package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.softdelete.it.support.Refusals.refusal;
import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stateful session that flushes without a transaction ({@code hibernate.allow_update_outside_transaction}):
 * each statement commits as it runs, so a row inserted or moved under a post deleted meanwhile is
 * refused before its statement is sent, as for a {@code StatelessSession} in auto-commit.
 */
class OutsideTransactionLinkTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class).with("hibernate.allow_update_outside_transaction", true);

    /** Two live posts of one blog, the first with one comment: ids of the first, the second and the comment. */
    private static long[] twoPostsAndAComment() {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost from = blog.post("from");
            CascadePost to = blog.post("to");
            CascadeComment comment = from.comment("moving");
            s.persist(blog);
            s.persist(comment);
            return new long[] {from.getId(), to.getId(), comment.getId()};
        });
    }

    private static void deletePost(long postId) {
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, postId)));
    }

    private static long postOf(long commentId) {
        return ((Number) db.row("cascade_comment", commentId).get("post_id")).longValue();
    }

    @Test
    void insertUnderAPostDeletedMeanwhileIsRefusedBeforeItIsWritten() {
        long[] ids = twoPostsAndAComment();
        try (Session session = db.sessionFactory().openSession()) {
            CascadePost stale = session.find(CascadePost.class, ids[1]);
            stale.getComments().size();
            deletePost(ids[1]);
            session.persist(stale.comment("late"));

            DeletedParentException refused = refusal(thrown(session::flush));
            assertThat(refused.parent()).isEqualTo(CascadePost.class.getName() + "#" + ids[1]);
        }
        assertThat(db.rows("select id from cascade_comment where post_id = ?", ids[1])).isEmpty();
    }

    @Test
    void moveUnderAPostDeletedMeanwhileIsRefusedAndTheCommentStaysWhereItWas() {
        long[] ids = twoPostsAndAComment();
        try (Session session = db.sessionFactory().openSession()) {
            CascadePost stale = session.find(CascadePost.class, ids[1]);
            CascadeComment comment = session.find(CascadeComment.class, ids[2]);
            deletePost(ids[1]);
            comment.moveTo(stale);

            DeletedParentException refused = refusal(thrown(session::flush));
            assertThat(refused.child()).isEqualTo(CascadeComment.class.getName() + "#" + ids[2]);
        }
        assertThat(postOf(ids[2])).isEqualTo(ids[0]);
        assertThat(db.row("cascade_comment", ids[2]).get("deleted_at")).isNull();
    }

    @Test
    void moveUnderALivePostIsWritten() {
        long[] ids = twoPostsAndAComment();
        try (Session session = db.sessionFactory().openSession()) {
            session.find(CascadeComment.class, ids[2]).moveTo(session.find(CascadePost.class, ids[1]));
            session.flush();
        }
        assertThat(postOf(ids[2])).isEqualTo(ids[1]);
    }
}
