package dev.softdelete.it.sql;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.SqlRecorder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's own statements (the marker UPDATE, the cascade, the restore) go through Hibernate's
 * statement preparer, so {@code hibernate.show_sql} prints them and statistics count them, as for
 * Hibernate's own SQL: nothing the library sends is invisible to the usual tools.
 */
class LibrarySqlIsVisibleTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
                    CascadeComment.class)
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

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        SqlRecorder sql;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            sql = db.record(() -> {
                db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));
                db.inTransaction(s -> SoftDeleteSession.wrap(s).restore(CascadeBlog.class, id));
            });
        }
        finally {
            System.setOut(console);
        }

        String shown = printed.toString(StandardCharsets.UTF_8).toLowerCase();
        assertThat(sql.statements()).extracting(RecordedStatement::table)
                .contains("cascade_blog", "cascade_post", "cascade_comment");
        for (RecordedStatement statement : sql.statements()) {
            assertThat(shown).as("show_sql output").contains(statement.sql().toLowerCase());
        }
        assertThat(statistics.getPrepareStatementCount()).as("statements prepared, by Hibernate's statistics")
                .isEqualTo(sql.statements().size());
    }
}
