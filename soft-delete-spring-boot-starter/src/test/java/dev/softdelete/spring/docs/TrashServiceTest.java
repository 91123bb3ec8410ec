package dev.softdelete.spring.docs;

import dev.softdelete.spring.RecordingDataSource;
import dev.softdelete.spring.TestDatabase;
import dev.softdelete.spring.app.Post;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/spring-boot.md's Trash service: spam removal keeps the rows with the reason, the trash lists them, restore undoes it. */
@SpringBootTest(classes = {BlogApplication.class, RecordingDataSource.class})
class TrashServiceTest {

    private static final SqlRecorder SQL = RecordingDataSource.SQL;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Trash trash;

    @Autowired
    PostRepository posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long id;
    private long live;

    @BeforeEach
    void aPostWithTwoCommentsAndALiveOne() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        id = transactions.execute(status -> {
            Post post = new Post("spam", "Buy now");
            post.comment("one");
            post.comment("two");
            return posts.save(post).getId();
        });
        live = transactions.execute(status -> posts.save(new Post("real", "Real")).getId());
        SQL.reset();
    }

    @Test
    void removeAsSpamKeepsThePostAndItsCommentsWithTheReason() {
        trash.removeAsSpam(id);

        assertThat(SQL.count(StatementKind.DELETE)).isZero();
        assertThat(SQL.count(StatementKind.UPDATE, "sb_post")).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select deleted_at, delete_reason from sb_post where id = ?", id);
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("delete_reason")).isEqualTo("spam");
        assertThat(deletedComments()).isEqualTo(2);
        assertThat(posts.findById(id)).isEmpty();
    }

    @Test
    void deletedPostsIsTheTrash() {
        trash.removeAsSpam(id);

        assertThat(trash.deletedPosts()).extracting(Post::getId).containsExactly(id);
        assertThat(posts.findAll()).as("the scope ended with the call").extracting(Post::getId).containsExactly(live);
    }

    @Test
    void restoreBringsBackThePostWithTheCommentsItsDeleteTook() {
        trash.removeAsSpam(id);

        assertThat(trash.restore(id)).isTrue();

        assertThat(posts.findById(id)).isPresent();
        assertThat(deletedComments()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sb_comment where post_id = ?", Long.class, id)).isEqualTo(2);
        assertThat(trash.deletedPosts()).isEmpty();
        assertThat(trash.restore(id)).as("a live post is not restored").isFalse();
    }

    private long deletedComments() {
        return jdbc.queryForObject("select count(*) from sb_comment where post_id = ? and deleted_at is not null",
                Long.class, id);
    }
}
