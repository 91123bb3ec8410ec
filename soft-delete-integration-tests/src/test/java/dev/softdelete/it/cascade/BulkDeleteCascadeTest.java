package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class BulkDeleteCascadeTest {

    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class, CascadeComment.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    private void blogs(String... titles) {
        db.inTransaction(s -> {
            for (String title : titles) {
                CascadeBlog blog = new CascadeBlog(title);
                CascadePost post = blog.post(title + " post");
                CascadeComment comment = post.comment(title + " comment");
                s.persist(blog);
                s.persist(comment);
            }
        });
    }

    @Test
    void aBulkDeleteCascadesWithOneUpdatePerLevelByCommit() {
        blogs("spam-1", "spam-2", "keep");

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            try (SoftDeleteScope why = s.deletingBecause("spam")) {
                s.createMutationQuery("delete from CascadeBlog b where b.title like 'spam%'").executeUpdate();
            }
        }));

        assertThat(sql).hasNoHardDeletes().hasUpdates("cascade_blog", 1).hasUpdates("cascade_post", 1)
                .hasUpdates("cascade_comment", 1);
        assertThat(db.rows("select title, deleted_at, delete_reason from cascade_post where deleted_at is not null"))
                .hasSize(2).allSatisfy(row -> {
                    assertThat(Columns.instant(row.get("deleted_at"))).isEqualTo(NOW);
                    assertThat(row.get("delete_reason")).isEqualTo("spam");
                });
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).hasSize(2);
        assertThat(db.rows("select id from cascade_post where deleted_at is null")).hasSize(1);
    }

    @Test
    void aSessionInManualFlushModeThatNeverFlushesStillCascadesAtCommit() {
        blogs("spam", "keep");

        SqlRecorder sql = db.record(() -> {
            try (Session session = db.sessionFactory().openSession()) {
                session.setHibernateFlushMode(FlushMode.MANUAL);
                session.beginTransaction();
                session.createMutationQuery("delete from CascadeBlog b where b.title = 'spam'").executeUpdate();
                session.getTransaction().commit();
            }
        });

        assertThat(sql).hasNoHardDeletes().hasUpdates("cascade_blog", 1).hasUpdates("cascade_post", 1)
                .hasUpdates("cascade_comment", 1);
        assertThat(db.rows("select title from cascade_post where deleted_at is not null"))
                .extracting(row -> row.get("title")).containsExactly("spam post");
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).hasSize(1);
    }

    @Test
    void aCascadeRunByAFlushIsNotRunAgainAtCommit() {
        blogs("spam", "keep");

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            s.createMutationQuery("delete from CascadeBlog b where b.title = 'spam'").executeUpdate();
            s.flush();
        }));

        assertThat(sql).hasUpdates("cascade_post", 1).hasUpdates("cascade_comment", 1);
    }

    @Test
    void aRolledBackBulkDeleteLeavesNoCascadeForTheNextTransaction() {
        blogs("spam", "keep");

        try (Session session = db.sessionFactory().openSession()) {
            session.setHibernateFlushMode(FlushMode.MANUAL);
            session.beginTransaction();
            session.createMutationQuery("delete from CascadeBlog b where b.title = 'spam'").executeUpdate();
            session.getTransaction().rollback();
            session.beginTransaction();
            session.createMutationQuery("update CascadeBlog b set b.title = 'renamed' where b.title = 'keep'")
                    .executeUpdate();
            session.getTransaction().commit();
        }

        assertThat(db.rows("select id from cascade_blog where deleted_at is not null")).isEmpty();
        assertThat(db.rows("select id from cascade_post where deleted_at is not null")).isEmpty();
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).isEmpty();
    }

    @Test
    void aFindAfterTheBulkDeleteInTheSameTransactionAlreadySeesTheCascade() {
        blogs("spam", "keep");
        Long[] ids = db.fromTransaction(s -> s.createQuery(
                "select p.id, c.id from CascadeComment c join c.post p where p.title = 'spam post'", Long[].class)
                .getSingleResult());

        db.inTransaction(s -> {
            s.createMutationQuery("delete from CascadeBlog b where b.title = 'spam'").executeUpdate();
            assertThat(s.find(CascadePost.class, ids[0])).as("post of the deleted blog").isNull();
            assertThat(s.find(CascadeComment.class, ids[1])).as("comment of the deleted blog").isNull();
        });
        assertThat(db.row("cascade_comment", ids[1]).get("deleted_at")).isNotNull();
    }

    @Test
    void aQueryAfterTheBulkDeleteInTheSameTransactionAlreadySeesTheCascade() {
        blogs("spam", "keep");

        db.inTransaction(s -> {
            s.createMutationQuery("delete from CascadeBlog b where b.title = 'spam'").executeUpdate();
            assertThat(s.createQuery("select p.title from CascadePost p", String.class).list())
                    .containsExactly("keep post");
        });
    }

    @Test
    void aBulkDeletedBlogIsRestoredWithItsTree() {
        blogs("spam");
        Long blog = db.fromTransaction(s -> {
            s.createMutationQuery("delete from CascadeBlog").executeUpdate();
            return s.unfiltered(() -> s.createQuery("select b.id from CascadeBlog b", Long.class).getSingleResult());
        });

        db.inTransaction(s -> s.restore(CascadeBlog.class, blog));

        assertThat(db.rows("select id from cascade_post where deleted_at is not null")).isEmpty();
        assertThat(db.rows("select id from cascade_comment where deleted_at is not null")).isEmpty();
    }
}
