package dev.softdelete.spring.docs;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.Impact;
import dev.softdelete.spring.SoftDeleteTemplate;
import dev.softdelete.spring.TestDatabase;
import dev.softdelete.spring.app.Comment;
import dev.softdelete.spring.app.Post;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * docs/spring-boot.md's history samples: a preview through {@code inSession} changes nothing, the history
 * of a row reads back its delete, and a {@code HistoryListener} bean publishes each commit's entries.
 */
@SpringBootTest(classes = {BlogApplication.class, HistorySamplesTest.Audit.class}, properties = "softdelete.history=table")
class HistorySamplesTest {

    static final List<SoftDeleteAudit> PUBLISHED = new CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Audit {
        // tag::spring-history-listener[]
        @Bean
        HistoryListener auditTrail(ApplicationEventPublisher events) {
            return entries -> events.publishEvent(new SoftDeleteAudit(entries));
        }
        // end::spring-history-listener[]

        @EventListener
        void received(SoftDeleteAudit audit) {
            PUBLISHED.add(audit);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    SoftDeleteTemplate softDelete;

    @Autowired
    PostRepository posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long post;

    @BeforeEach
    void aPostWithTwoComments() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        jdbc.update("delete from softdelete_history");
        post = transactions.execute(status -> {
            Post created = new Post("history", "History");
            created.comment("a");
            created.comment("b");
            return posts.save(created).getId();
        });
        PUBLISHED.clear();
    }

    @Test
    void thePreviewCountsWhatTheDeleteWouldTakeAndTheHistoryReadsItBack() {
        long id = post;

        // tag::spring-in-session[]
        Impact impact = softDelete.inSession(s -> s.previewDelete(Post.class, id));     // before the user confirms
        // end::spring-in-session[]

        assertThat(impact.rows(Post.class)).isEqualTo(1);
        assertThat(impact.rows(Comment.class)).isEqualTo(2);
        assertThat(posts.findById(id)).as("a preview deletes nothing").isPresent();
        posts.deleteById(id);

        // tag::spring-in-session-history[]
        List<HistoryEntry> log = softDelete.inSession(s -> s.history().ofRow(Post.class, id));
        // end::spring-in-session-history[]

        assertThat(log).extracting(HistoryEntry::kind, HistoryEntry::rows).containsExactly(
                tuple(HistoryEntry.Kind.DELETE, 1L),
                tuple(HistoryEntry.Kind.CASCADE, 2L));
    }

    @Test
    void theListenerBeanPublishesEachCommittedTransactionsEntries() {
        posts.deleteById(post);

        assertThat(PUBLISHED).singleElement().satisfies(audit -> assertThat(audit.entries())
                .extracting(HistoryEntry::kind, HistoryEntry::entityName).containsExactly(
                        tuple(HistoryEntry.Kind.DELETE, Post.class.getName()),
                        tuple(HistoryEntry.Kind.CASCADE, Comment.class.getName())));
    }
}
