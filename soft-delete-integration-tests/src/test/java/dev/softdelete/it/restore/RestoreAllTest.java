package dev.softdelete.it.restore;

import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.PlainNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code restoreAll(type, ids)}, the "restore the selected items" of a trash page: the listed rows come
 * back together, each with exactly what its own delete marked, whatever else the same operations marked;
 * the statement count does not grow with the number of ids; bad input is refused before anything changes.
 */
class RestoreAllTest {

    static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class, CascadeNode.class, PlainNote.class)
            .with(SoftDeleteSettings.CLOCK, new MutableClock(NOW))
            .with(SoftDeleteSettings.HISTORY, "table");

    private List<Long> deletedBlogs(int count) {
        List<Long> ids = db.fromTransaction(s -> {
            List<Long> created = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                CascadeBlog blog = new CascadeBlog("b" + b);
                for (int p = 0; p < 2; p++) {
                    CascadePost post = blog.post("b" + b + "p" + p);
                    post.comment("c0");
                    post.comment("c1");
                }
                s.persist(blog);
                blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
                s.flush();
                created.add(blog.getId());
            }
            return created;
        });
        for (long id : ids) {
            db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
        }
        return ids;
    }

    private long deleted(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null").size();
    }

    private List<Long> deletedIds(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null order by id").stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    @Test
    void theListedRowsComeBackWithTheirCascadesAndTheOthersStayDeleted() {
        List<Long> blogs = deletedBlogs(4);

        int restored = db.fromTransaction(s -> s.restoreAll(CascadeBlog.class,
                List.of(blogs.get(0), blogs.get(2), blogs.get(2), 987_654L)));

        assertThat(restored).isEqualTo(2);
        assertThat(deletedIds("cascade_blog")).containsExactly(blogs.get(1), blogs.get(3));
        assertThat(deleted("cascade_post")).isEqualTo(4);
        assertThat(deleted("cascade_comment")).isEqualTo(8);
        // live now: listing them again restores nothing
        int again = db.fromTransaction(s -> s.restoreAll(CascadeBlog.class, List.of(blogs.get(0))));
        assertThat(again).isZero();
    }

    @Test
    void theStatementCountDoesNotGrowWithTheNumberOfIds() {
        List<Long> two = deletedBlogs(2);
        List<Long> twelve = deletedBlogs(12);

        // the test's recorder is one, reset by each record(): what it holds is read before the next
        int forTwo = db.record(() -> db.inTransaction(s -> s.restoreAll(CascadeBlog.class, two))).statements().size();
        SqlRecorder forTwelve = db.record(() -> db.inTransaction(s -> s.restoreAll(CascadeBlog.class, twelve)));

        assertThat(deleted("cascade_blog") + deleted("cascade_post") + deleted("cascade_comment")).isZero();
        assertThat(forTwelve.statements()).as(forTwelve.dump()).hasSize(forTwo);
    }

    @Test
    void aRowThatAnotherListedRowsOperationMarkedBelowAnUnlistedOneStaysDeleted() {
        // one bulk statement marks a's child and z; a is removed later, its child being deleted already
        Long[] ids = db.fromTransaction(s -> {
            CascadeNode a = new CascadeNode("a");
            CascadeNode aChild = a.child("a-child");
            CascadeNode z = new CascadeNode("z");
            s.persist(a);
            s.persist(z);
            s.flush();
            return new Long[] {a.getId(), aChild.getId(), z.getId()};
        });
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeNode where name in ('a-child', 'z')")
                .executeUpdate());
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids[0])));

        int restored = db.fromTransaction(s -> s.restoreAll(CascadeNode.class, List.of(ids[0], ids[2])));

        // one restore at a time: a brings back what its remove marked (nothing below it), z its own rows
        assertThat(restored).isEqualTo(2);
        assertThat(deletedIds("cascade_node")).containsExactly(ids[1]);
    }

    @Test
    void aRowWhoseParentIsAmongTheRowsButRestoredOnItsOwnComesBackAfterIt() {
        Long[] ids = db.fromTransaction(s -> {
            CascadeNode a = new CascadeNode("a");
            CascadeNode aChild = a.child("a-child");
            s.persist(a);
            s.flush();
            return new Long[] {a.getId(), aChild.getId()};
        });
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids[1])));
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, ids[0])));
        // the parent as a row deleted before operation ids existed: it is restored one at a time, after the groups
        db.update("update cascade_node set delete_operation = null where id = ?", ids[0]);

        int restored = db.fromTransaction(s -> s.restoreAll(CascadeNode.class, List.of(ids[1], ids[0])));

        assertThat(restored).isEqualTo(2);
        assertThat(deletedIds("cascade_node")).isEmpty();
    }

    @Test
    void aRowWhoseParentIsDeletedIsRefusedBeforeAnythingChangesUnlessItsParentsComeToo() {
        List<Long> blogs = deletedBlogs(2);
        List<Long> posts = db.rows("select id from cascade_post where blog_id = ? order by id", blogs.get(1)).stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();

        db.inTransaction(s -> assertThatThrownBy(() -> s.restoreAll(CascadePost.class, posts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CascadeBlog.class.getName() + "#" + blogs.get(1)));
        assertThat(deleted("cascade_post")).isEqualTo(4);

        int restored = db.fromTransaction(s -> s.restoreAll(CascadePost.class, posts, RestoreOption.WITH_PARENTS));

        assertThat(restored).isEqualTo(2);
        assertThat(deletedIds("cascade_blog")).containsExactly(blogs.get(0));
        assertThat(deleted("cascade_post")).isEqualTo(2);
    }

    @Test
    void instancesTheSessionHoldsChangeOnlyWhereTheirRowsCameBack() {
        List<Long> blogs = deletedBlogs(2);

        db.inTransaction(s -> {
            CascadeBlog listed = s.unfiltered(() -> s.find(CascadeBlog.class, blogs.get(0)));
            CascadeBlog notListed = s.unfiltered(() -> s.find(CascadeBlog.class, blogs.get(1)));
            CascadePost post = s.unfiltered(() -> s.find(CascadePost.class, listed.getPosts().get(0).getId()));
            CascadePost otherPost = s.unfiltered(() -> s.find(CascadePost.class, notListed.getPosts().get(0).getId()));
            s.restoreAll(CascadeBlog.class, List.of(blogs.get(0)));
            assertThat(listed.getDeletedAt()).isNull();
            assertThat(post.getDeletedAt()).isNull();
            assertThat(notListed.getDeletedAt()).isNotNull();
            assertThat(otherPost.getDeletedAt()).isNotNull();
            post.setTitle("edited after the restore");
            otherPost.setTitle("edited while deleted");
        });

        assertThat(deletedIds("cascade_blog")).containsExactly(blogs.get(1));
        assertThat(db.rows("select id from cascade_post where title = 'edited after the restore' and deleted_at is null"))
                .hasSize(1);
        assertThat(db.rows("select id from cascade_post where title = 'edited while deleted' and deleted_at is not null"))
                .hasSize(1);
    }

    /**
     * With {@code WITH_PARENTS}, a deleted blog of a post of the first group, marked by another delete
     * than the group's posts, is restored before the groups; its delete also marked a post of the
     * second group, which its restore brings back. That post counts as restored by the call, not as
     * restored meanwhile by another transaction (501 of 502, had the count not known the blog's
     * operation).
     */
    @Test
    void aRowThatAParentRestoredFirstBroughtBackCounts() {
        long blog = db.fromTransaction(s -> {
            CascadeBlog parent = new CascadeBlog("parent");
            parent.post("early");
            CascadeBlog other = new CascadeBlog("other");
            for (int i = 0; i < 500; i++) {
                other.post("filler");
            }
            s.persist(parent);
            s.persist(other);
            return parent.getId();
        });
        db.inTransaction(s -> s.persist(s.find(CascadeBlog.class, blog).post("late")));
        List<Long> early = idsOf("select id from cascade_post where title = 'early'");
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, early.get(0))));
        db.inTransaction(s -> s.createMutationQuery("delete from CascadePost where title = 'filler'").executeUpdate());
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, blog)));
        List<Long> posts = deletedIds("cascade_post");
        assertThat(posts).hasSize(502).startsWith(early.get(0))
                .endsWith(idsOf("select id from cascade_post where title = 'late'").get(0));

        int restored = db.fromTransaction(s -> s.restoreAll(CascadePost.class, posts, RestoreOption.WITH_PARENTS));

        assertThat(restored).isEqualTo(502);
        assertThat(deletedIds("cascade_post")).isEmpty();
        assertThat(deletedIds("cascade_blog")).isEmpty();
    }

    private List<Long> idsOf(String sql) {
        return db.rows(sql).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        List<Long> blogs = deletedBlogs(1);

        db.inTransaction(s -> {
            assertThatThrownBy(() -> s.restoreAll(CascadeBlog.class, Arrays.asList(blogs.get(0), null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
            assertThatThrownBy(() -> s.restoreAll(CascadeBlog.class, List.of("not-a-number")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CascadeBlog.class.getName());
            assertThatThrownBy(() -> s.restoreAll(PlainNote.class, List.of(1L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PlainNote.class.getName());
            assertThat(s.restoreAll(CascadeBlog.class, List.of())).isZero();
        });
        assertThat(deletedIds("cascade_blog")).containsExactly(blogs.get(0));
    }
}
