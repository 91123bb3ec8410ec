package dev.softdelete.it.kit;

import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.PurgeChild;
import dev.softdelete.it.model.PurgeGrandchild;
import dev.softdelete.it.model.PurgeParent;
import dev.softdelete.it.model.PurgeTag;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SoftDeleteLeak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's own statements are no leak to the test kit's detector, so that a user's test with
 * {@code failOnLeaks()} can delete, restore, erase, preview and purge: the statements that read deleted rows
 * on purpose (the erase's locks, the restore's reads) say so in SQL, as {@code unfiltered()} does.
 */
class LibraryStatementsLeakTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
                    CascadeComment.class, PurgeParent.class, PurgeChild.class, PurgeGrandchild.class, PurgeTag.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(SoftDeleteSettings.HISTORY, "table");

    private long[] ids;

    @BeforeEach
    void aBlogWithAPostAndACommentAndAPurgeTree() {
        CLOCK.set(NOW);
        db.sql().detectLeaks(db.sessionFactory(), LeakMode.COLLECT);
        ids = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            CascadePost post = blog.post("post");
            CascadeComment comment = post.comment("comment");
            s.persist(blog);
            s.persist(comment);
            PurgeParent parent = new PurgeParent(1L);
            parent.child(10L).grandchild(100L);
            s.persist(parent);
            return new long[] {blog.getId(), post.getId(), comment.getId()};
        });
        db.sql().reset();
    }

    @Test
    void deletesPreviewsAndRestoresAreNoLeak() {
        db.inTransaction(s -> {
            s.previewDelete(CascadeBlog.class, ids[0]);
            s.remove(s.find(CascadeBlog.class, ids[0]));
        });
        db.inTransaction(s -> {
            s.previewRestore(CascadeBlog.class, ids[0]);
            s.restore(CascadeComment.class, ids[2], RestoreOption.WITH_PARENTS);
        });
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, ids[0])));
        db.inTransaction(s -> s.restore(CascadeBlog.class, ids[0]));
        db.inTransaction(s -> s.previewBulkDelete("delete from CascadeBlog b where b.id = :id", Map.of("id", ids[0])));
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog").executeUpdate());
        db.inTransaction(s -> s.restoreDeletedSince(CascadeBlog.class, NOW.minusSeconds(1)));
        db.inTransaction(s -> s.history().ofRow(CascadeBlog.class, ids[0]));

        assertThat(db.sql().leaks()).extracting(SoftDeleteLeak::sql).isEmpty();
    }

    @Test
    void hardDeletesAreNoLeak() {
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, ids[0])));
        db.inTransaction(s -> s.hardDelete(CascadeBlog.class, ids[0]));
        db.inTransaction(s -> s.hardDelete(s.find(PurgeParent.class, 1L)));

        assertThat(db.rows("select id from cascade_blog")).isEmpty();
        assertThat(db.sql().leaks()).extracting(SoftDeleteLeak::sql).isEmpty();
    }

    @Test
    void purgesAndTheirPreviewAreNoLeak() {
        db.inTransaction(s -> s.remove(s.find(PurgeParent.class, 1L)));
        CLOCK.set(NOW.plus(Duration.ofDays(31)));
        Purger.of(db.sessionFactory()).preview();
        Purger.of(db.sessionFactory()).dryRun().run();
        Purger.of(db.sessionFactory()).run();

        assertThat(db.rows("select id from purge_parent")).isEmpty();
        assertThat(db.sql().leaks()).extracting(SoftDeleteLeak::sql).isEmpty();
    }
}
