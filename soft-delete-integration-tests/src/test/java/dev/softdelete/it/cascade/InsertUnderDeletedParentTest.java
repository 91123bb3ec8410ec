package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadeFile;
import dev.softdelete.it.model.CascadeFolder;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManager;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.softdelete.it.support.Refusals.refusal;
import static dev.softdelete.it.support.Refusals.thrown;
import static dev.softdelete.it.support.Refusals.thrownOrNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row inserted under a REMOVE-cascading association whose parent another transaction soft-deleted
 * after this session loaded it: the delete's cascade has run and cannot reach the new row, so the
 * commit is refused and nothing of it is written. Two sessions race with the interleaving forced (one
 * has written and not committed, the other starts, and the first commits once the database shows the
 * second blocked on a lock): whichever order, no comment is left live under a deleted post.
 */
class InsertUnderDeletedParentTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class, CascadeFolder.class, CascadeFile.class);

    /** Comments that are live while their post is deleted: what must never be committed. */
    static final String LIVE_UNDER_DELETED = "select c.id from cascade_comment c join cascade_post p"
            + " on c.post_id = p.id where p.deleted_at is not null and c.deleted_at is null";

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    private static long livePost() {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost post = blog.post("post");
            s.persist(blog);
            return post.getId();
        });
    }

    private static void deleteInAnotherTransaction(long postId) {
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, postId)));
    }

    private static SoftDeleteSession open() {
        return SoftDeleteSession.wrap(db.sessionFactory().openSession());
    }

    @Test
    void commentAddedToAStaleCopyOfAPostDeletedMeanwhileIsRefusedAndNotWritten() {
        long postId = livePost();
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadePost stale = session.find(CascadePost.class, postId);
            deleteInAnotherTransaction(postId);
            session.persist(stale.comment("late"));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.parent()).isEqualTo(CascadePost.class.getName() + "#" + postId);
            assertThat(refused.child()).startsWith(CascadeComment.class.getName() + "#");
            assertThat(refused.association()).isEqualTo(CascadePost.class.getName() + ".comments");
            assertThat(refused).hasMessageContaining("restore " + CascadePost.class.getName() + "#" + postId + " first");
        }
        assertThat(db.countRows("cascade_comment")).as("the insert was rolled back").isZero();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void entityManagerCommitReportsTheRefusal() {
        long postId = livePost();
        EntityManager em = db.sessionFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            CascadePost stale = em.find(CascadePost.class, postId);
            deleteInAnotherTransaction(postId);
            em.persist(stale.comment("late"));

            // a native factory's EntityManager throws it as is; with JPA bootstrap it is a RollbackException's cause
            assertThat(refusal(thrown(() -> em.getTransaction().commit())).parent()).endsWith("#" + postId);
            assertThat(em.getTransaction().isActive()).as("the commit rolled back").isFalse();
        }
        finally {
            em.close();
        }
        assertThat(db.countRows("cascade_comment")).isZero();
    }

    @Test
    void fileAddedThroughAUnidirectionalCollectionOfAFolderDeletedMeanwhileIsRefused() {
        long folderId = db.fromTransaction(s -> {
            CascadeFolder folder = new CascadeFolder();
            s.persist(folder);
            return folder.getId();
        });
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadeFolder stale = session.find(CascadeFolder.class, folderId);
            stale.getFiles().size();
            db.inTransaction(s -> s.remove(s.find(CascadeFolder.class, folderId)));
            // the file's insert has no folder yet: the collection writes its key after the insert
            stale.getFiles().add(new CascadeFile("late"));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.association()).isEqualTo(CascadeFolder.class.getName() + ".files");
        }
        assertThat(db.countRows("cascade_file")).isZero();
    }

    @Test
    void statelessInsertUnderAPostDeletedMeanwhileIsRefusedAtCommit() {
        long postId = livePost();
        CascadePost stale = db.fromTransaction(s -> {
            CascadePost post = s.find(CascadePost.class, postId);
            post.getComments().size(); // a detached copy that can take a comment
            return post;
        });
        deleteInAnotherTransaction(postId);
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            session.insert(stale.comment("late"));

            assertThat(refusal(thrown(tx::commit)).parent()).endsWith("#" + postId);
        }
        assertThat(db.countRows("cascade_comment")).isZero();
    }

    @Test
    void statelessInsertOutsideATransactionIsRefusedBeforeItIsWritten() {
        long postId = livePost();
        CascadePost stale = db.fromTransaction(s -> {
            CascadePost post = s.find(CascadePost.class, postId);
            post.getComments().size();
            return post;
        });
        deleteInAnotherTransaction(postId);
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            // auto-commit: a check after the statement could not take the row back
            DeletedParentException refused = refusal(thrown(() -> session.insert(stale.comment("late"))));
            assertThat(refused.parent()).isEqualTo(CascadePost.class.getName() + "#" + postId);
            assertThat(refused.association()).isEqualTo(CascadePost.class.getName() + ".comments");
        }
        assertThat(db.countRows("cascade_comment")).isZero();
    }

    @Test
    void statelessInsertOutsideATransactionUnderALivePostIsWritten() {
        long postId = livePost();
        CascadePost post = db.fromTransaction(s -> {
            CascadePost found = s.find(CascadePost.class, postId);
            found.getComments().size();
            return found;
        });
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            session.insert(post.comment("on time"));
        }
        assertThat(db.rows("select id from cascade_comment where deleted_at is null and post_id = ?", postId)).hasSize(1);
    }

    @Test
    void insertStartedWhileThePostsDeleteIsUncommittedWaitsForItAndIsRefused() throws Exception {
        long postId = livePost();
        try (SoftDeleteSession deleting = open()) {
            Transaction delete = deleting.beginTransaction();
            deleting.remove(deleting.find(CascadePost.class, postId));
            deleting.flush();

            Future<?> insert = other.submit(() -> {
                try (SoftDeleteSession adding = open()) {
                    adding.inTransaction(tx -> adding.persist(adding.find(CascadePost.class, postId).comment("racing")));
                }
                return null;
            });
            assertThat(LockWaits.awaitBlockedOrDone(db, insert, 10, TimeUnit.SECONDS))
                    .as("the insert's transaction waits for the uncommitted delete").isTrue();
            delete.commit();

            ExecutionException failed = (ExecutionException) thrown(() -> insert.get(10, TimeUnit.SECONDS));
            assertThat(refusal(failed.getCause()).parent()).endsWith("#" + postId);
        }
        assertThat(db.countRows("cascade_comment")).isZero();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void deleteStartedWhileAnInsertIsUncommittedLeavesNoLiveCommentUnderTheDeletedPost() throws Exception {
        long postId = livePost();
        Throwable insertOutcome;
        try (SoftDeleteSession adding = open()) {
            Transaction insert = adding.beginTransaction();
            adding.persist(adding.find(CascadePost.class, postId).comment("racing"));
            adding.flush();

            Future<?> delete = other.submit(() -> {
                deleteInAnotherTransaction(postId);
                return null;
            });
            // MariaDB: the insert's foreign key check holds a shared lock on the post, so the delete waits;
            // PostgreSQL and H2: the delete commits, and the insert's commit then sees it
            LockWaits.awaitBlockedOrDone(db, delete, 10, TimeUnit.SECONDS);
            insertOutcome = thrownOrNull(insert::commit);
            delete.get(10, TimeUnit.SECONDS);
        }
        if (insertOutcome != null) {
            refusal(insertOutcome);
            assertThat(db.countRows("cascade_comment")).isZero();
        }
        else {
            assertThat(db.rows("select id from cascade_comment where deleted_at is not null"))
                    .as("the delete that waited for the insert took the new comment with it").hasSize(1);
        }
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
    }

    @Test
    void commentInsertedAndDeletedWithItsPostInOneTransactionCommits() {
        long postId = livePost();
        db.inTransaction(s -> {
            CascadePost post = s.find(CascadePost.class, postId);
            s.persist(post.comment("short-lived"));
            s.flush();
            s.remove(post);
        });
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).hasSize(1);
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void commentInsertedDeletedUnderALivePostCommitsAsTheCheckLooksOnlyAtLiveRows() {
        long postId = livePost();
        CascadePost stale = db.fromTransaction(s -> s.find(CascadePost.class, postId));
        db.inTransaction(s -> {
            CascadeComment comment = s.merge(stale).comment("gone");
            s.persist(comment);
            s.flush();
            s.remove(comment);
        });
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).hasSize(1);
    }

    @Test
    void theCheckCostsTwoReadsPerTransactionWhateverTheNumberOfComments() {
        long postId = livePost();
        long withThree = selectsOfAddingComments(postId, 3);
        long withSixty = selectsOfAddingComments(postId, 60);
        long withoutCheck = 1; // the post's find
        assertThat(withThree).isEqualTo(withoutCheck + 2);
        assertThat(withSixty).isEqualTo(withThree);
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).hasSize(63);
    }

    private static long selectsOfAddingComments(long postId, int comments) {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            CascadePost post = s.find(CascadePost.class, postId);
            for (int i = 0; i < comments; i++) {
                s.persist(post.comment("comment " + i));
            }
        }));
        return sql.statements().stream()
                .filter(statement -> statement.kind() == StatementKind.SELECT)
                .filter(statement -> !statement.sql().toLowerCase().contains("next value for")
                        && !statement.sql().toLowerCase().contains("nextval"))
                .count();
    }
}
