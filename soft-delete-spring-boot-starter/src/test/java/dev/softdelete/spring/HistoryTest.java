package dev.softdelete.spring;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.app.PostRepository;
import dev.softdelete.spring.app.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code softdelete.history=table} and {@code HistoryListener} beans: a repository delete is in the
 * table and reaches every listener bean after commit, even when one of them fails; a rolled-back one
 * reaches none.
 */
@SpringBootTest(classes = {TestApplication.class, HistoryTest.Listeners.class}, properties = "softdelete.history=table")
class HistoryTest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Listeners {

        @Bean
        @Order(1)
        HistoryListener failingAudit() {
            return entries -> {
                CALLS.add("failing");
                throw new IllegalStateException("the audit system is down");
            };
        }

        @Bean
        @Order(2)
        HistoryListener recordingAudit() {
            return entries -> entries.forEach(entry -> CALLS.add(entry.kind() + " " + entry.entityName()));
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

    @BeforeEach
    void clean() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        jdbc.update("delete from softdelete_history");
        CALLS.clear();
    }

    @Test
    void aRepositoryDeleteIsInTheTableAndReachesEveryListenerAfterCommit() {
        long id = transactions.execute(status -> posts.save(new Post("h", "H")).getId());

        transactions.executeWithoutResult(status -> posts.deleteById(id));

        assertThat(CALLS).containsExactly("failing", "DELETE " + Post.class.getName());
        List<HistoryEntry> history = softDelete.inSession(s -> s.history().ofRow(Post.class, id));
        assertThat(history).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.DELETE);
    }

    @Test
    void aRolledBackDeleteReachesNoListenerAndLeavesNoEntry() {
        long id = transactions.execute(status -> posts.save(new Post("r", "R")).getId());

        transactions.executeWithoutResult(status -> {
            posts.deleteById(id);
            posts.flush();
            status.setRollbackOnly();
        });

        assertThat(CALLS).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from softdelete_history", Long.class)).isZero();
    }
}
