package dev.softdelete.it.restore;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code restoreDeletedSince} of many roots: exact per root (a child deleted by another operation stays
 * deleted, a root deleted before the window too), roots of one bulk delete each with their own
 * children, managed instances brought in line, one history entry per root; all roots restored together,
 * so the statement count does not grow with their number; a root whose parent is deleted outside the
 * window refuses the call before anything changes.
 */
class RestoreDeletedSinceTest {

    static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.HISTORY, "table");

    private List<Long> blogs(int count, int posts, int comments) {
        return db.fromTransaction(s -> {
            List<Long> ids = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                CascadeBlog blog = new CascadeBlog("b" + b);
                for (int p = 0; p < posts; p++) {
                    CascadePost post = blog.post("b" + b + "p" + p);
                    for (int c = 0; c < comments; c++) {
                        post.comment("c" + c);
                    }
                }
                s.persist(blog);
                blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
                s.flush();
                ids.add(blog.getId());
            }
            return ids;
        });
    }

    private void removeEach(List<Long> ids) {
        for (long id : ids) {
            db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
        }
    }

    private long deleted(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null").size();
    }

    @Test
    void everyRootComesBackWithExactlyWhatItsDeleteTookAndNothingElse() {
        List<Long> ids = blogs(5, 2, 2);
        CLOCK.set(NOW.minus(Duration.ofDays(3)));
        removeEach(ids.subList(0, 1));                                   // before the window: stays deleted
        Long postDeletedOnItsOwn = db.fromTransaction(s -> s.find(CascadeBlog.class, ids.get(1)).getPosts().get(0).getId());
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, postDeletedOnItsOwn)));
        CLOCK.set(NOW);
        removeEach(ids.subList(1, 5));

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeBlog.class, NOW.minus(Duration.ofDays(1))));

        assertThat(restored).isEqualTo(4);
        assertThat(db.rows("select id from cascade_blog where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(ids.get(0));
        // the first blog's two posts, and the post deleted on its own before its blog
        assertThat(deleted("cascade_post")).isEqualTo(3);
        assertThat(db.rows("select id from cascade_post where id = ? and deleted_at is not null", postDeletedOnItsOwn))
                .hasSize(1);
        assertThat(deleted("cascade_comment")).isEqualTo(6);
    }

    @Test
    void rootsOfOneBulkDeleteComeBackTogetherAndEachHasItsHistoryEntry() {
        List<Long> ids = blogs(3, 1, 1);
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog").executeUpdate());
        assertThat(deleted("cascade_comment")).isEqualTo(3);

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeBlog.class, NOW));

        assertThat(restored).isEqualTo(3);
        assertThat(deleted("cascade_blog") + deleted("cascade_post") + deleted("cascade_comment")).isZero();
        List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(CascadeBlog.class, ids.get(1)));
        assertThat(history).extracting(HistoryEntry::kind).contains(HistoryEntry.Kind.RESTORE,
                HistoryEntry.Kind.RESTORE_CASCADE);
        assertThat(history).filteredOn(entry -> entry.kind() == HistoryEntry.Kind.RESTORE).hasSize(3);
        // one delete operation undone: what came back with its three roots, counted per entity, as its delete counted it
        assertThat(history).filteredOn(entry -> entry.kind() == HistoryEntry.Kind.RESTORE_CASCADE)
                .extracting(HistoryEntry::entityName, HistoryEntry::rows)
                .containsExactlyInAnyOrder(tuple(CascadePost.class.getName(), 3L), tuple(CascadeComment.class.getName(), 3L));
    }

    @Test
    void instancesTheSessionHoldsAreLiveAfterwardsAndDoNotWriteTheMarkerBack() {
        List<Long> ids = blogs(2, 1, 0);
        removeEach(ids);

        db.inTransaction(s -> {
            CascadeBlog blog = s.unfiltered(() -> s.find(CascadeBlog.class, ids.get(0)));
            CascadePost post = s.unfiltered(() -> s.find(CascadePost.class, blog.getPosts().get(0).getId()));
            assertThat(blog.getDeletedAt()).isNotNull();
            s.restoreDeletedSince(CascadeBlog.class, NOW);
            assertThat(blog.getDeletedAt()).isNull();
            assertThat(post.getDeletedAt()).isNull();
            post.setTitle("edited after the restore");
        });

        assertThat(deleted("cascade_blog") + deleted("cascade_post")).isZero();
        assertThat(db.rows("select title from cascade_post where title = 'edited after the restore'")).hasSize(1);
    }

    @Test
    void theStatementCountDoesNotGrowWithTheNumberOfRoots() {
        CLOCK.set(NOW.minus(Duration.ofDays(2)));
        removeEach(blogs(2, 2, 2));
        // the test's recorder is one, reset by each record(): what it holds is read before the next
        int two = db.record(() -> db.inTransaction(
                s -> assertThat(s.restoreDeletedSince(CascadeBlog.class, NOW.minus(Duration.ofDays(2)))).isEqualTo(2)))
                .statements().size();
        CLOCK.set(NOW.minus(Duration.ofDays(1)));
        removeEach(blogs(12, 2, 2));
        SqlRecorder twelve = db.record(() -> db.inTransaction(
                s -> assertThat(s.restoreDeletedSince(CascadeBlog.class, NOW.minus(Duration.ofDays(1)))).isEqualTo(12)));
        CLOCK.set(NOW);

        assertThat(deleted("cascade_blog") + deleted("cascade_post") + deleted("cascade_comment")).isZero();
        assertThat(twelve.statements()).as(twelve.dump()).hasSize(two);
    }

    @Test
    void moreRootsThanOneStatementBindsComeBackInGroups() {
        List<Long> ids = blogs(1001, 1, 1);
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog").executeUpdate());
        assertThat(deleted("cascade_comment")).isEqualTo(1001);

        SqlRecorder sql = db.record(() -> db.inTransaction(
                s -> assertThat(s.restoreDeletedSince(CascadeBlog.class, NOW)).isEqualTo(ids.size())));

        assertThat(deleted("cascade_blog") + deleted("cascade_post") + deleted("cascade_comment")).isZero();
        // three groups (500, 500, 1), each a handful of statements, not a few per root
        assertThat(sql.statements()).hasSizeLessThan(40);
    }

    @Test
    void aRootWhoseParentIsDeletedOutsideTheWindowRefusesTheCallBeforeAnythingChanges() {
        // the post deleted on its own has the lowest id: restored one at a time, it would come back first
        long liveBlog = blogs(1, 1, 0).get(0);
        long deletedBlog = blogs(1, 2, 0).get(0);
        long postOfLiveBlog = db.fromTransaction(s -> s.find(CascadeBlog.class, liveBlog).getPosts().get(0).getId());
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, postOfLiveBlog)));
        removeEach(List.of(deletedBlog));

        db.inTransaction(s -> {
            assertThatThrownBy(() -> s.restoreDeletedSince(CascadePost.class, NOW))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(CascadeBlog.class.getName() + "#" + deletedBlog)
                    .hasMessageContaining("RestoreOption.WITH_PARENTS");
            // the transaction goes on, and commits what it holds: nothing was restored
        });

        assertThat(db.rows("select id from cascade_post where id = ? and deleted_at is not null", postOfLiveBlog))
                .hasSize(1);
        assertThat(deleted("cascade_post")).isEqualTo(3);

        int restored = db.fromTransaction(
                s -> s.restoreDeletedSince(CascadePost.class, NOW, RestoreOption.WITH_PARENTS));

        assertThat(restored).isEqualTo(3);
        assertThat(deleted("cascade_blog") + deleted("cascade_post")).isZero();
    }
}
