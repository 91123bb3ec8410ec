package dev.softdelete.spring;

import dev.softdelete.spring.app.CommentRepository;
import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.app.PostRepository;
import dev.softdelete.spring.app.TestApplication;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit in a Spring application, set up as docs/spring-boot.md shows: the recorder wraps the
 * DataSource bean and detects leaks on the application's factory. Repository calls, the template's
 * scopes and the repository's trash methods record no leak; a query of the application's own that
 * forgets the marker does.
 */
@SpringBootTest(classes = {TestApplication.class, RecordingDataSource.class})
class TestKitTest {

    private static final SqlRecorder SQL = RecordingDataSource.SQL;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PostRepository posts;

    @Autowired
    CommentRepository comments;

    @Autowired
    SoftDeleteTemplate softDelete;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private long id;

    @BeforeEach
    void recordFromHere(@Autowired EntityManagerFactory entityManagerFactory) {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        id = transactions.execute(status -> {
            Post post = new Post("recorded", "Recorded");
            post.comment("one");
            return posts.save(post).getId();
        });
        SQL.detectLeaks(entityManagerFactory.unwrap(SessionFactory.class), LeakMode.COLLECT);
        SQL.reset();
    }

    @Test
    void aRepositoryDeleteIsUpdatesOnly() {
        posts.deleteById(id);

        assertThat(SQL.count(StatementKind.DELETE)).isZero();
        assertThat(SQL.count(StatementKind.UPDATE, "sb_post")).isEqualTo(1);
        assertThat(SQL.count(StatementKind.UPDATE, "sb_comment")).isEqualTo(1);
        assertThat(SQL.leaks()).isEmpty();
    }

    @Test
    void scopesAndTheTrashAreNoLeak() {
        posts.deleteById(id);

        softDelete.onlyDeleted(() -> posts.findAll());
        softDelete.unfiltered(() -> comments.findAll());
        posts.findAllDeleted();
        posts.countDeleted();
        posts.findByIdIncludingDeleted(id);
        posts.findAll();

        assertThat(SQL.count(StatementKind.SELECT)).isGreaterThanOrEqualTo(6);
        assertThat(SQL.leaks()).isEmpty();
    }

    @Test
    void aQueryThatForgetsTheMarkerIsALeak() {
        jdbc.queryForList("select title from sb_post");

        assertThat(SQL.leaks()).singleElement().satisfies(leak -> assertThat(leak.table()).isEqualTo("sb_post"));
    }
}
