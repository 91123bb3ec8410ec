package dev.softdelete.spring.docs;

import dev.softdelete.spring.MutableClock;
import dev.softdelete.spring.TestDatabase;
import dev.softdelete.spring.app.Comment;
import dev.softdelete.spring.app.Post;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/retention.md's scheduled job: it is scheduled on its cron, purges the rows past retention and
 * audits each batch, and a run stopped by a failing batch is logged, keeps what it committed and is
 * continued by the next run.
 */
@SpringBootTest(classes = {BlogApplication.class, SoftDeletePurgeJobTest.Nightly.class})
@ExtendWith(OutputCaptureExtension.class)
class SoftDeletePurgeJobTest {

    // the application's clock marks the rows and gives the purge its cutoff
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    @EnableScheduling
    static class Nightly {
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
    SoftDeletePurgeJob job;

    @Autowired
    AuditLog audit;

    @Autowired
    PostRepository posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ScheduledTaskHolder scheduled;

    private long due;
    private long recent;
    private long live;

    @BeforeEach
    void aDuePostWithCommentsARecentlyDeletedOneAndALiveOne() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        audit.clear();
        due = transactions.execute(status -> {
            Post post = new Post("due", "Due");
            post.comment("a");
            post.comment("b");
            return posts.save(post).getId();
        });
        recent = transactions.execute(status -> posts.save(new Post("recent", "Recent")).getId());
        live = transactions.execute(status -> posts.save(new Post("live", "Live")).getId());
        posts.deleteById(due);
        CLOCK.advance(Duration.ofDays(20));
        posts.deleteById(recent);
        CLOCK.advance(Duration.ofDays(11));
    }

    @Test
    void theJobRunsEveryNightAt330() {
        List<String> crons = scheduled.getScheduledTasks().stream().map(ScheduledTask::getTask)
                .filter(CronTask.class::isInstance).map(task -> ((CronTask) task).getExpression()).toList();

        assertThat(crons).containsExactly("0 30 3 * * *");
    }

    @Test
    void theJobPurgesTheRowsPastRetentionAndAuditsEachBatch() {
        List<Long> commentIds = commentIds(due);

        job.purge();

        assertThat(postIds()).containsExactlyInAnyOrder(recent, live);
        assertThat(commentIds(due)).isEmpty();
        Instant cutoff = CLOCK.instant().minus(Duration.ofDays(30));
        assertThat(audit.hardDeletes()).containsExactly(
                new AuditLog.HardDelete(Comment.class, List.copyOf(commentIds), cutoff),
                new AuditLog.HardDelete(Post.class, List.of(due), cutoff));
    }

    @Test
    void aStoppedRunIsLoggedKeepsItsCommittedBatchAndTheNextRunContinues(CapturedOutput output) {
        audit.down(true);

        job.purge();

        assertThat(output).contains("soft-delete purge stopped at Comment batch 1 after ");
        assertThat(commentIds(due)).as("the batch committed before its listener failed").isEmpty();
        assertThat(postIds()).contains(due);

        audit.down(false);
        job.purge();

        assertThat(postIds()).containsExactlyInAnyOrder(recent, live);
        assertThat(audit.hardDeletes()).extracting(AuditLog.HardDelete::entity).containsExactly(Post.class);
    }

    private List<Long> postIds() {
        return jdbc.queryForList("select id from sb_post", Long.class);
    }

    private List<Long> commentIds(long post) {
        return jdbc.queryForList("select id from sb_comment where post_id = ? order by id", Long.class, post);
    }
}
