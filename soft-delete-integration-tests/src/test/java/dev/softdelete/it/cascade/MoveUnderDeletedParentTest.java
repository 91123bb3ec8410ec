package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadeFile;
import dev.softdelete.it.model.CascadeFolder;
import dev.softdelete.it.model.CascadeHeld;
import dev.softdelete.it.model.CascadeHeldPart;
import dev.softdelete.it.model.CascadeHolderA;
import dev.softdelete.it.model.CascadeHolderB;
import dev.softdelete.it.model.CascadeMember;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.CascadeProject;
import dev.softdelete.it.model.CascadeShelf;
import dev.softdelete.it.model.CascadeTeam;
import dev.softdelete.it.model.CascadeWorker;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.softdelete.it.support.Refusals.refusal;
import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing row moved under a REMOVE-cascading association whose parent another transaction
 * soft-deleted after this session loaded it: by a change of its many-to-one, through a unidirectional
 * collection that writes the key, or by a new link row of a many-to-many (from either side). The
 * delete's cascade has run and cannot reach the row, so the commit is refused and the row stays where
 * it was. An update that leaves the key alone costs no read.
 */
class MoveUnderDeletedParentTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class, CascadeFolder.class, CascadeFile.class, CascadeTeam.class, CascadeMember.class,
            CascadeProject.class, CascadeWorker.class, CascadeShelf.class, CascadeHolderA.class, CascadeHolderB.class,
            CascadeHeld.class, CascadeHeldPart.class);

    private static final String LIVE_UNDER_DELETED = InsertUnderDeletedParentTest.LIVE_UNDER_DELETED;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

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

    private static <T> long persisted(T entity, Consumer<T> prepare) {
        return db.fromTransaction(s -> {
            prepare.accept(entity);
            s.persist(entity);
            return (Long) db.sessionFactory().getPersistenceUnitUtil().getIdentifier(entity);
        });
    }

    private static void deletePostInAnotherTransaction(long postId) {
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, postId)));
    }

    private static SoftDeleteSession open() {
        return SoftDeleteSession.wrap(db.sessionFactory().openSession());
    }

    private static Object postOf(long commentId) {
        return db.row("cascade_comment", commentId).get("post_id");
    }

    @Test
    void commentMovedToAPostDeletedMeanwhileIsRefusedAndStaysWhereItWas() {
        long[] ids = twoPostsAndAComment();
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadePost stale = session.find(CascadePost.class, ids[1]);
            CascadeComment comment = session.find(CascadeComment.class, ids[2]);
            deletePostInAnotherTransaction(ids[1]);
            comment.moveTo(stale);

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.child()).isEqualTo(CascadeComment.class.getName() + "#" + ids[2]);
            assertThat(refused.parent()).isEqualTo(CascadePost.class.getName() + "#" + ids[1]);
            assertThat(refused.association()).isEqualTo(CascadePost.class.getName() + ".comments");
        }
        assertThat(((Number) postOf(ids[2])).longValue()).as("the move was rolled back").isEqualTo(ids[0]);
        assertThat(db.row("cascade_comment", ids[2]).get("deleted_at")).isNull();
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void statelessUpdateThatMovesACommentUnderAPostDeletedMeanwhileIsRefusedAtCommit() {
        long[] ids = twoPostsAndAComment();
        CascadeComment detached = db.fromTransaction(s -> s.find(CascadeComment.class, ids[2]));
        CascadePost target = db.fromTransaction(s -> s.find(CascadePost.class, ids[1]));
        deletePostInAnotherTransaction(ids[1]);
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            detached.moveTo(target);
            // a stateless update writes every column: with no dirty check, the row's parents are checked
            session.update(detached);

            assertThat(refusal(thrown(tx::commit)).parent()).endsWith("#" + ids[1]);
        }
        assertThat(((Number) postOf(ids[2])).longValue()).isEqualTo(ids[0]);
    }

    @Test
    void statelessMoveOutsideATransactionIsRefusedBeforeItIsWritten() {
        long[] ids = twoPostsAndAComment();
        CascadeComment detached = db.fromTransaction(s -> s.find(CascadeComment.class, ids[2]));
        CascadePost target = db.fromTransaction(s -> s.find(CascadePost.class, ids[1]));
        deletePostInAnotherTransaction(ids[1]);
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            detached.moveTo(target);
            assertThat(refusal(thrown(() -> session.update(detached))).parent()).endsWith("#" + ids[1]);
        }
        assertThat(((Number) postOf(ids[2])).longValue()).as("nothing was written").isEqualTo(ids[0]);
    }

    @Test
    void fileMovedIntoTheUnidirectionalCollectionOfAFolderDeletedMeanwhileIsRefused() {
        long fileId = persisted(new CascadeFile("moving"), file -> { });
        long fromId = db.fromTransaction(s -> {
            CascadeFolder folder = new CascadeFolder();
            folder.getFiles().add(s.find(CascadeFile.class, fileId));
            s.persist(folder);
            return folder.getId();
        });
        long toId = persisted(new CascadeFolder(), folder -> { });
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadeFolder stale = session.find(CascadeFolder.class, toId);
            stale.getFiles().size();
            db.inTransaction(s -> s.remove(s.find(CascadeFolder.class, toId)));
            // the collection writes the file's key: no update of the file itself
            stale.getFiles().add(session.find(CascadeFile.class, fileId));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.child()).isEqualTo(CascadeFile.class.getName() + "#" + fileId);
            assertThat(refused.association()).isEqualTo(CascadeFolder.class.getName() + ".files");
        }
        assertThat(((Number) db.row("cascade_file", fileId).get("folder_id")).longValue()).isEqualTo(fromId);
        assertThat(db.row("cascade_file", fileId).get("deleted_at")).isNull();
    }

    @Test
    void memberPutAtAnExistingKeyOfAShelfDeletedMeanwhileIsRefused() {
        long memberId = persisted(new CascadeMember("moving"), member -> { });
        long shelfId = persisted(new CascadeShelf(), shelf -> shelf.getMembers().put("a", new CascadeMember("first")));
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadeShelf stale = session.find(CascadeShelf.class, shelfId);
            stale.getMembers().size();
            db.inTransaction(s -> s.remove(s.find(CascadeShelf.class, shelfId)));
            // the key exists: Hibernate writes the new member into that key's link row with an update
            stale.getMembers().put("a", session.find(CascadeMember.class, memberId));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.child()).isEqualTo(CascadeMember.class.getName() + "#" + memberId);
            assertThat(refused.association()).isEqualTo(CascadeShelf.class.getName() + ".members");
        }
        assertThat(db.rows("select members_id from cascade_shelf_member where members_id = ?", memberId)).isEmpty();
    }

    @Test
    void statelessInsertOfAFolderWritesItsFilesKeysAndIsCheckedAtCommit() {
        long fileId = persisted(new CascadeFile("existing"), file -> { });
        CascadeFile detached = db.fromTransaction(s -> s.find(CascadeFile.class, fileId));
        long folderId;
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            CascadeFolder folder = new CascadeFolder();
            folder.getFiles().add(detached);
            session.insert(folder);
            tx.commit();
            folderId = folder.getId();
        }
        assertThat(((Number) db.row("cascade_file", fileId).get("folder_id")).longValue()).isEqualTo(folderId);
    }

    @Test
    void workerInsertedStatelesslyWithAProjectDeletedMeanwhileIsRefused() {
        long projectId = persisted(new CascadeProject(), project -> { });
        CascadeProject stale = db.fromTransaction(s -> s.find(CascadeProject.class, projectId));
        db.inTransaction(s -> s.remove(s.find(CascadeProject.class, projectId)));
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            CascadeWorker worker = new CascadeWorker();
            worker.getProjects().add(stale);
            session.insert(worker);
            assertThat(refusal(thrown(tx::commit)).parent()).endsWith("#" + projectId);
        }
        try (StatelessSession session = db.sessionFactory().openStatelessSession()) {
            CascadeWorker worker = new CascadeWorker();
            worker.getProjects().add(stale);
            // auto-commit: refused before the worker's row is written
            assertThat(refusal(thrown(() -> session.insert(worker))).parent()).endsWith("#" + projectId);
        }
        assertThat(db.countRows("cascade_worker")).isZero();
        assertThat(db.countRows("cascade_worker_project")).isZero();
    }

    @Test
    void memberLinkedToATeamDeletedMeanwhileIsRefusedAndNoLinkRowIsWritten() {
        long memberId = persisted(new CascadeMember("joining"), member -> { });
        long teamId = persisted(new CascadeTeam(), team -> { });
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadeTeam stale = session.find(CascadeTeam.class, teamId);
            stale.getMembers().size();
            db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, teamId)));
            stale.getMembers().add(session.find(CascadeMember.class, memberId));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.child()).isEqualTo(CascadeMember.class.getName() + "#" + memberId);
            assertThat(refused.parent()).isEqualTo(CascadeTeam.class.getName() + "#" + teamId);
        }
        assertThat(db.countRows("cascade_team_member")).isZero();
        assertThat(db.row("cascade_member", memberId).get("deleted_at")).isNull();
    }

    @Test
    void workerThatLinksItselfToAProjectDeletedMeanwhileIsRefused() {
        long projectId = persisted(new CascadeProject(), project -> { });
        long workerId = persisted(new CascadeWorker(), worker -> { });
        try (SoftDeleteSession session = open()) {
            Transaction tx = session.beginTransaction();
            CascadeProject stale = session.find(CascadeProject.class, projectId);
            CascadeWorker worker = session.find(CascadeWorker.class, workerId);
            worker.getProjects().size();
            db.inTransaction(s -> s.remove(s.find(CascadeProject.class, projectId)));
            // the child's own collection writes the link: the project's delete would have cascaded to the worker
            worker.getProjects().add(stale);

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.child()).isEqualTo(CascadeWorker.class.getName() + "#" + workerId);
            assertThat(refused.association()).isEqualTo(CascadeProject.class.getName() + ".workers");
        }
        assertThat(db.countRows("cascade_worker_project")).isZero();
    }

    @Test
    void moveStartedWhileTheTargetsDeleteIsUncommittedWaitsForItAndIsRefused() throws Exception {
        long[] ids = twoPostsAndAComment();
        try (SoftDeleteSession deleting = open()) {
            Transaction delete = deleting.beginTransaction();
            deleting.remove(deleting.find(CascadePost.class, ids[1]));
            deleting.flush();

            Future<?> move = other.submit(() -> {
                try (SoftDeleteSession moving = open()) {
                    moving.inTransaction(tx -> moving.find(CascadeComment.class, ids[2])
                            .moveTo(moving.getReference(CascadePost.class, ids[1])));
                }
                return null;
            });
            assertThat(LockWaits.awaitBlockedOrDone(db, move, 10, TimeUnit.SECONDS))
                    .as("the move's transaction waits for the uncommitted delete").isTrue();
            delete.commit();

            ExecutionException failed = (ExecutionException) thrown(() -> move.get(10, TimeUnit.SECONDS));
            assertThat(refusal(failed.getCause()).parent()).endsWith("#" + ids[1]);
        }
        assertThat(((Number) postOf(ids[2])).longValue()).isEqualTo(ids[0]);
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void deleteStartedWhileAMoveIsUncommittedWaitsAndTakesTheMovedCommentWithIt() throws Exception {
        long[] ids = twoPostsAndAComment();
        try (SoftDeleteSession moving = open()) {
            Transaction move = moving.beginTransaction();
            moving.find(CascadeComment.class, ids[2]).moveTo(moving.getReference(CascadePost.class, ids[1]));
            moving.flush();

            Future<?> delete = other.submit(() -> {
                deletePostInAnotherTransaction(ids[1]);
                return null;
            });
            assertThat(LockWaits.awaitBlockedOrDone(db, delete, 10, TimeUnit.SECONDS))
                    .as("the flushed move holds the target post: the delete waits").isTrue();
            move.commit();
            delete.get(10, TimeUnit.SECONDS);
        }
        assertThat(((Number) postOf(ids[2])).longValue()).isEqualTo(ids[1]);
        assertThat(db.row("cascade_comment", ids[2]).get("deleted_at"))
                .as("the delete that waited for the move took the comment with it").isNotNull();
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void aMoveIsCheckedAgainstTheNewParentOnlyNotAParentOfAnotherAssociation() {
        long[] ids = db.fromTransaction(s -> {
            CascadeHolderA a = new CascadeHolderA();
            CascadeHolderB b = new CascadeHolderB();
            CascadeHolderB other = new CascadeHolderB();
            s.persist(a);
            s.persist(b);
            s.persist(other);
            CascadeHeld held = new CascadeHeld(a, b);
            s.persist(held);
            return new long[] {a.getId(), held.getId(), other.getId()};
        });
        // the row live under a deleted holder A, as native SQL can leave it (the library's restore refuses to)
        db.inTransaction(s -> s.remove(s.find(CascadeHolderA.class, ids[0])));
        db.update("update cascade_held set deleted_at = null, delete_operation = null where id = ?", ids[1]);

        db.inTransaction(s -> s.find(CascadeHeld.class, ids[1]).setHolderB(s.find(CascadeHolderB.class, ids[2])));
        assertThat(((Number) db.row("cascade_held", ids[1]).get("holderb_id")).longValue())
                .as("moved under a live holder B; holder A's association did not change").isEqualTo(ids[2]);
    }

    @Test
    void commentMovedToAPostThenDeletedWithItInOneTransactionCommits() {
        long[] ids = twoPostsAndAComment();
        db.inTransaction(s -> {
            CascadePost target = s.find(CascadePost.class, ids[1]);
            s.find(CascadeComment.class, ids[2]).moveTo(target);
            s.remove(target);
        });
        assertThat(db.row("cascade_comment", ids[2]).get("deleted_at")).isNotNull();
        assertThat(db.rows(LIVE_UNDER_DELETED)).isEmpty();
    }

    @Test
    void aMoveToALivePostCostsTwoReadsAndAnUpdateThatKeepsTheKeyNone() {
        long[] ids = twoPostsAndAComment();
        long loads = 2; // the comment and the post
        assertThat(selectsOf(s -> s.find(CascadeComment.class, ids[2]).moveTo(s.find(CascadePost.class, ids[1]))))
                .isEqualTo(loads + 2);
        assertThat(((Number) postOf(ids[2])).longValue()).isEqualTo(ids[1]);
        assertThat(selectsOf(s -> {
            s.find(CascadeComment.class, ids[2]);
            s.find(CascadePost.class, ids[0]).setTitle("renamed");
        })).as("no key changed: nothing to check").isEqualTo(loads);
    }

    @Test
    void aFileMovedIntoALiveFolderCostsOneReadAndANewFileOnlyTheInsertsTwo() {
        long fileId = persisted(new CascadeFile("moving"), file -> { });
        long folderId = persisted(new CascadeFolder(), folder -> { });
        long loads = selectsOf(s -> {
            s.find(CascadeFolder.class, folderId).getFiles().size();
            s.find(CascadeFile.class, fileId);
        });
        assertThat(selectsOf(s -> s.find(CascadeFolder.class, folderId).getFiles()
                .add(s.find(CascadeFile.class, fileId)))).as("the folder, locked").isEqualTo(loads + 1);
        assertThat(((Number) db.row("cascade_file", fileId).get("folder_id")).longValue()).isEqualTo(folderId);

        long folderLoads = selectsOf(s -> s.find(CascadeFolder.class, folderId).getFiles().size());
        assertThat(selectsOf(s -> s.find(CascadeFolder.class, folderId).getFiles().add(new CascadeFile("new"))))
                .as("the new file's parents, then the folder locked: the collection adds nothing")
                .isEqualTo(folderLoads + 2);
    }

    /** The SELECTs a transaction sends, sequence calls left out. */
    private static long selectsOf(Consumer<SoftDeleteSession> work) {
        SqlRecorder sql = db.record(() -> db.inTransaction(work));
        List<String> selects = sql.statements().stream()
                .filter(statement -> statement.kind() == StatementKind.SELECT).map(statement -> statement.sql())
                .filter(select -> !select.toLowerCase().contains("next value for")
                        && !select.toLowerCase().contains("nextval"))
                .toList();
        return selects.size();
    }
}
