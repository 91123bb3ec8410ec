package dev.softdelete.it.cascade;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadeFile;
import dev.softdelete.it.model.CascadeFolder;
import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CascadeSoftDeleteTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
                    CascadeComment.class, CascadeNode.class, CascadeFolder.class, CascadeFile.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "carol")
            // batched inserts keep the setup of the 1,000-child tree quick; deletes are not batched by us
            .with(AvailableSettings.STATEMENT_BATCH_SIZE, 100);

    private Long blogWith(int posts, int commentsPerPost) {
        CLOCK.set(NOW);
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            for (int p = 0; p < posts; p++) {
                CascadePost post = blog.post("post " + p);
                for (int c = 0; c < commentsPerPost; c++) {
                    post.comment("comment " + c);
                }
            }
            s.persist(blog);
            blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
            return blog.getId();
        });
    }

    private SqlRecorder removeBlog(Long id) {
        return db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.remove(s.find(CascadeBlog.class, id));
            }
        }));
    }

    @Test
    void cascadeMarksEveryRowOfTheTreeWithTheRootsInstantActorAndReason() {
        Long blog = blogWith(3, 2);

        SqlRecorder sql = removeBlog(blog);

        assertThat(sql).hasNoHardDeletes();
        assertThat(db.rows("select * from cascade_post")).hasSize(3).allSatisfy(row -> {
            assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
            assertThat(row.get("deleted_by")).isEqualTo("carol");
            assertThat(row.get("delete_reason")).isEqualTo("spam");
        });
        assertThat(db.rows("select * from cascade_comment")).hasSize(6).allSatisfy(row -> {
            assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
            assertThat(row.get("deleted_by")).isEqualTo("carol");
        });
    }

    @Test
    void statementCountIsTheSameFor20And1000ChildrenAndOneUpdatePerLevel() {
        Long small = blogWith(20, 1);
        Long large = blogWith(1000, 1);

        SqlRecorder smallRun = removeBlog(small);
        List<String> smallSql = smallRun.statements().stream().map(s -> s.kind() + " " + s.table()).toList();
        SqlRecorder largeRun = removeBlog(large);
        List<String> largeSql = largeRun.statements().stream().map(s -> s.kind() + " " + s.table()).toList();

        assertThat(largeSql).isEqualTo(smallSql);
        assertThat(largeRun).hasNoHardDeletes().hasUpdates("cascade_blog", 1).hasUpdates("cascade_post", 1)
                .hasUpdates("cascade_comment", 1);
        assertThat(largeRun.count(StatementKind.UPDATE)).isEqualTo(3);
        assertThat(db.countRows("cascade_comment")).isEqualTo(1020);
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).isEmpty();
    }

    @Test
    void restoreSendsTheSameStatementsFor20And1000ChildrenOneUpdatePerLevel() {
        Long small = blogWith(20, 1);
        Long large = blogWith(1000, 1);
        removeBlog(small);
        removeBlog(large);

        // the test's recorder is one, reset by each record(): what it holds is read before the next
        SqlRecorder smallRun = db.record(() -> db.inTransaction(s -> s.restore(CascadeBlog.class, small)));
        List<String> smallSql = smallRun.statements().stream().map(s -> s.kind() + " " + s.table()).toList();
        SqlRecorder largeRun = db.record(() -> db.inTransaction(s -> s.restore(CascadeBlog.class, large)));
        List<String> largeSql = largeRun.statements().stream().map(s -> s.kind() + " " + s.table()).toList();
        assertThat(largeSql).isEqualTo(smallSql);
        // no unique key anywhere in this graph: one read of the root's marker, then one UPDATE per level
        assertThat(largeSql).containsExactly("SELECT cascade_blog", "UPDATE cascade_blog", "UPDATE cascade_post",
                "UPDATE cascade_comment");
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is not null")).isEmpty();
    }

    @Test
    void aChildLoadedBeforeTheCascadeAndModifiedAfterItStaysDeleted() {
        Long blog = blogWith(2, 0);

        db.inTransaction(s -> {
            CascadePost post = s.createQuery("from CascadePost order by id", CascadePost.class).list().get(0);
            s.remove(s.find(CascadeBlog.class, blog));
            s.flush();
            assertThat(post.getDeletedAt()).isEqualTo(NOW);
            post.setTitle("edited after the cascade");
            s.flush();
        });

        assertThat(db.rows("select title, deleted_at from cascade_post where deleted_at is null")).isEmpty();
        assertThat(db.rows("select title from cascade_post where title = 'edited after the cascade'")).hasSize(1);
    }

    @Test
    void aParentWithLoadedLiveChildrenCanBeRemoved() {
        Long blog = blogWith(2, 1);

        db.inTransaction(s -> {
            CascadeBlog loaded = s.find(CascadeBlog.class, blog);
            loaded.getPosts().forEach(post -> post.getComments().size());
            s.remove(loaded);
        });

        assertThat(db.rows("select id from cascade_post where deleted_at is null")).isEmpty();
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).isEmpty();
    }

    @Test
    void restoreBringsBackTheTreeButNotAChildDeletedEarlierOnItsOwn() {
        Long blog = blogWith(3, 1);
        Long earlier = db.fromTransaction(s -> {
            CascadePost post = s.createQuery("from CascadePost order by id", CascadePost.class).list().get(0);
            s.remove(post);
            return post.getId();
        });
        CLOCK.set(NOW.plusSeconds(60));
        removeBlog(blog);

        boolean restored = db.fromTransaction(s -> s.restore(CascadeBlog.class, blog));

        assertThat(restored).isTrue();
        assertThat(db.rows("select id from cascade_post where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(earlier);
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).hasSize(1);
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(2);
        assertThat(db.rows("select * from cascade_blog where deleted_at is null")).hasSize(1);
    }

    @Test
    void twoRootsDeletedInTheSameTickByTwoSessionsAreRestoredIndependently() {
        Long first = blogWith(2, 1);
        Long second = blogWith(2, 1);
        removeBlog(first);
        removeBlog(second);

        db.inTransaction(s -> s.restore(CascadeBlog.class, first));

        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(2);
        assertThat(db.rows("select id from cascade_comment where deleted_at is null")).hasSize(2);
        assertThat(db.rows("select id from cascade_blog where deleted_at is not null"))
                .extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(second);
    }

    @Test
    void aSelfReferencingTreeOfDepthSixIsMarkedAndRestored() {
        Long root = db.fromTransaction(s -> {
            CascadeNode top = new CascadeNode("level 0");
            CascadeNode node = top;
            for (int level = 1; level <= 6; level++) {
                node = node.child("level " + level);
                node.child("leaf of level " + level);
            }
            s.persist(top);
            return top.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeNode.class, root))));

        assertThat(sql).hasNoHardDeletes();
        assertThat(db.countRows("cascade_node")).isEqualTo(13);
        assertThat(db.rows("select id from cascade_node where deleted_at is null")).isEmpty();

        db.inTransaction(s -> s.restore(CascadeNode.class, root));
        assertThat(db.rows("select id from cascade_node where deleted_at is not null")).isEmpty();
    }

    @Test
    void aUnidirectionalJoinColumnCascadeMarksTheChildrenAndKeepsTheirForeignKeys() {
        Long folder = db.fromTransaction(s -> {
            CascadeFolder f = new CascadeFolder();
            f.getFiles().add(new CascadeFile("a.txt"));
            f.getFiles().add(new CascadeFile("b.txt"));
            s.persist(f);
            return f.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeFolder.class, folder))));

        assertThat(sql).hasNoHardDeletes();
        List<Map<String, Object>> files = db.rows("select folder_id, deleted_at from cascade_file");
        assertThat(files).hasSize(2).allSatisfy(row -> {
            assertThat(((Number) row.get("folder_id")).longValue()).isEqualTo(folder);
            assertThat(row.get("deleted_at")).isNotNull();
        });
    }
}
