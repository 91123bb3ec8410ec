package dev.softdelete.it.sql;

import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.model.PurgeItemNote;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's own statements (the marker UPDATE, the cascade, the restore) go through Hibernate's
 * statement preparer, so {@code hibernate.show_sql} prints them and statistics count them, as for
 * Hibernate's own SQL: nothing the library sends is invisible to the usual tools.
 */
class LibrarySqlIsVisibleTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
                    CascadeComment.class, PurgeItem.class, PurgeItemNote.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK)
            .with(AvailableSettings.SHOW_SQL, true)
            .with(AvailableSettings.GENERATE_STATISTICS, true);

    @Test
    void showSqlPrintsAndStatisticsCountEveryStatementOfARemoveWithCascadeAndOfItsRestore() {
        Long id = db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("blog");
            blog.post("post").comment("comment");
            s.persist(blog);
            blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
            return blog.getId();
        });
        Statistics statistics = db.sessionFactory().getStatistics();
        statistics.clear();

        StringBuilder printed = new StringBuilder();
        SqlRecorder sql = printedWhile(printed, () -> db.record(() -> {
            db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
            db.inTransaction(s -> SoftDeleteSession.wrap(s).restore(CascadeBlog.class, id));
        }));

        String shown = printed.toString().toLowerCase();
        assertThat(sql.statements()).extracting(RecordedStatement::table)
                .contains("cascade_blog", "cascade_post", "cascade_comment");
        for (RecordedStatement statement : sql.statements()) {
            assertThat(shown).as("show_sql output").contains(statement.sql().toLowerCase());
        }
        assertThat(statistics.getPrepareStatementCount()).as("statements prepared, by Hibernate's statistics")
                .isEqualTo(sql.statements().size());
    }

    @Test
    void showSqlPrintsThePurgesDeletes() {
        CLOCK.set(NOW.minus(Duration.ofDays(8)));
        db.inTransaction(s -> s.persist(new PurgeItem(1L)));
        db.inTransaction(s -> s.remove(s.find(PurgeItem.class, 1L)));
        CLOCK.set(NOW);

        StringBuilder printed = new StringBuilder();
        SqlRecorder sql = printedWhile(printed, () -> db.record(() ->
                Purger.of(db.sessionFactory()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).run()));

        assertThat(db.countRows("purge_item")).isZero();
        assertThat(sql.statements()).extracting(RecordedStatement::kind).contains(StatementKind.DELETE);
        for (RecordedStatement statement : sql.statements()) {
            assertThat(printed.toString().toLowerCase()).as("show_sql output").contains(statement.sql().toLowerCase());
        }
    }

    /** Runs the work with System.out captured into {@code printed}; returns what the work returns. */
    private static <T> T printedWhile(StringBuilder printed, java.util.function.Supplier<T> work) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = System.out;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return work.get();
        }
        finally {
            System.setOut(console);
            printed.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
