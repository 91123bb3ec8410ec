package dev.softdelete.spring.docs;

import dev.softdelete.spring.MutableClock;
import dev.softdelete.spring.RecordingDataSource;
import dev.softdelete.spring.RestoreConflictDataAccessException;
import dev.softdelete.spring.TestDatabase;
import dev.softdelete.spring.app.Post;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/spring-boot.md's repository sample: each call, run in the sample's order, does what its comment says. */
@SpringBootTest(classes = {BlogApplication.class, RecordingDataSource.class, RepositorySamplesTest.Clocked.class})
class RepositorySamplesTest {

    private static final SqlRecorder SQL = RecordingDataSource.SQL;
    // a clock of the test's own, so that the two deletes sort by deletedAt however fast they run
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocked {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PostRepository posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long first;
    private long older;
    private long live;

    @BeforeEach
    void aPostWithCommentsAnOlderDeletedOneAndALiveOne() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        first = transactions.execute(status -> {
            Post post = new Post("first", "First");
            post.comment("a");
            post.comment("b");
            return posts.save(post).getId();
        });
        older = transactions.execute(status -> posts.save(new Post("older", "Older")).getId());
        live = transactions.execute(status -> posts.save(new Post("live", "Live")).getId());
        posts.deleteById(older);
        CLOCK.advance(Duration.ofHours(1));
        SQL.reset();
    }

    @Test
    void theCallsDoWhatTheirCommentsSay() {
        long id = first;

        // tag::spring-repository-delete[]
        posts.deleteById(id);                         // an UPDATE, not a DELETE; the comments it cascades to are marked too
        // end::spring-repository-delete[]

        assertThat(SQL.count(StatementKind.DELETE)).isZero();
        assertThat(SQL.count(StatementKind.UPDATE, "sb_post")).isEqualTo(1);
        assertThat(comments(id, "deleted_at is not null")).isEqualTo(2);

        // tag::spring-repository-reads[]
        posts.findAll();                              // live posts only; count(), paging, derived queries too
        posts.findAllDeleted(PageRequest.of(0, 20, Sort.by("deletedAt").descending()));   // the trash
        posts.countDeleted();
        posts.findAllIncludingDeleted();
        posts.findByIdIncludingDeleted(id);
        // end::spring-repository-reads[]

        assertThat(posts.findAll()).extracting(Post::getId).containsExactly(live);
        assertThat(posts.count()).isEqualTo(1);
        assertThat(posts.findAll(PageRequest.of(0, 20)).getTotalElements()).isEqualTo(1);
        assertThat(posts.findAllDeleted(PageRequest.of(0, 20, Sort.by("deletedAt").descending())))
                .extracting(Post::getId).containsExactly(id, older);
        assertThat(posts.countDeleted()).isEqualTo(2);
        assertThat(posts.findAllIncludingDeleted()).extracting(Post::getId).containsExactlyInAnyOrder(id, older, live);
        assertThat(posts.findByIdIncludingDeleted(id)).get().extracting(Post::getDeletedAt).isEqualTo(CLOCK.instant());

        List<Long> ids = List.of(older);
        // tag::spring-repository-restore[]
        posts.restoreById(id);                        // RestoreConflictDataAccessException when a live row holds its unique key
        posts.restoreAllById(ids);                    // the selected rows, together: one statement per level
        // end::spring-repository-restore[]

        assertThat(posts.findById(id)).isPresent();
        assertThat(posts.findById(older)).isPresent();
        assertThat(posts.countDeleted()).isZero();
        assertThat(comments(id, "deleted_at is null")).isEqualTo(2);
        posts.deleteById(id);
        transactions.executeWithoutResult(status -> posts.save(new Post("first", "Another first")));
        assertThatThrownBy(() -> posts.restoreById(id)).isInstanceOf(RestoreConflictDataAccessException.class);
        assertThat(posts.findById(id)).as("a refused restore restores nothing").isEmpty();

        // tag::spring-repository-hard-delete[]
        posts.hardDeleteById(id);                     // for good
        // end::spring-repository-hard-delete[]

        assertThat(jdbc.queryForObject("select count(*) from sb_post where id = ?", Long.class, id)).isZero();
        assertThat(comments(id, "1 = 1")).as("the erase takes what the delete cascaded to").isZero();
    }

    private long comments(long post, String condition) {
        return jdbc.queryForObject("select count(*) from sb_comment where post_id = ? and " + condition, Long.class, post);
    }
}
