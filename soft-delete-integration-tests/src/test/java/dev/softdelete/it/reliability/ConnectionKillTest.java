package dev.softdelete.it.reliability;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.support.ConnectionKiller;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database server kills the session's connection in the middle of a cascade over a 1 × 5,000 × 5
 * tree, of a restore of it, and of a purge's second batch. Each time the transaction rolls back whole
 * (read by plain JDBC), the purge keeps the batches committed before, and running the operation again
 * completes it. PostgreSQL and MariaDB only: an in-memory H2 has no server to kill a connection.
 */
class ConnectionKillTest {

    private static final int POSTS = 5_000;
    private static final int COMMENTS_PER_POST = 5;
    private static final long BLOG = 1_000_000L;
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    private static DataSource raw;
    private static ConnectionKiller killer;
    private static SessionFactory factory;

    @BeforeAll
    static void build() {
        TestDatabase database = TestDatabase.current();
        assumeTrue(database != TestDatabase.H2, "an in-memory H2 has no server that could kill a connection");
        raw = database.dataSource();
        killer = new ConnectionKiller(database, raw);
        factory = TestSessionFactory.build(killer.dataSource(), Map.of(SoftDeleteSettings.CLOCK, CLOCK),
                List.of(CascadeBlog.class, CascadePost.class, CascadeComment.class, PurgeItem.class));
    }

    @AfterEach
    void empty() {
        if (factory != null) {
            factory.getSchemaManager().truncateMappedObjects();
        }
    }

    @AfterAll
    static void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private static void persistTree() throws SQLException {
        try (Connection connection = raw.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement blog = connection.prepareStatement("insert into cascade_blog (id, title) values (?, ?)")) {
                blog.setLong(1, BLOG);
                blog.setString(2, "blog");
                blog.executeUpdate();
            }
            try (PreparedStatement post = connection.prepareStatement(
                    "insert into cascade_post (id, blog_id, title) values (?, ?, ?)");
                 PreparedStatement comment = connection.prepareStatement(
                    "insert into cascade_comment (id, post_id, text) values (?, ?, ?)")) {
                for (int p = 1; p <= POSTS; p++) {
                    long postId = BLOG + p;
                    post.setLong(1, postId);
                    post.setLong(2, BLOG);
                    post.setString(3, "post");
                    post.addBatch();
                    for (int c = 0; c < COMMENTS_PER_POST; c++) {
                        comment.setLong(1, BLOG * 10 + (long) p * COMMENTS_PER_POST + c);
                        comment.setLong(2, postId);
                        comment.setString(3, "comment");
                        comment.addBatch();
                    }
                    if (p % 500 == 0) {
                        post.executeBatch();
                        comment.executeBatch();
                    }
                }
            }
            connection.commit();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = raw.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long marked() throws SQLException {
        return count("select count(*) from cascade_blog where deleted_at is not null")
                + count("select count(*) from cascade_post where deleted_at is not null")
                + count("select count(*) from cascade_comment where deleted_at is not null");
    }

    private static void removeBlog() {
        factory.inTransaction(session -> session.remove(session.find(CascadeBlog.class, BLOG)));
    }

    private static void restoreBlog() {
        factory.inTransaction(session -> SoftDeleteSession.wrap(session).restore(CascadeBlog.class, BLOG));
    }

    private static final long TREE = 1 + POSTS + (long) POSTS * COMMENTS_PER_POST;

    @Test
    void aCascadeWhoseConnectionIsKilledRollsBackWholeAndARerunCompletes() throws SQLException {
        persistTree();
        killer.killAt("cascade_comment", 1);

        assertThatThrownBy(ConnectionKillTest::removeBlog).isInstanceOf(RuntimeException.class);

        assertThat(killer.kills()).isEqualTo(1);
        assertThat(marked()).as("rows marked after the killed cascade").isZero();
        removeBlog();
        assertThat(marked()).isEqualTo(TREE);
    }

    @Test
    void aRestoreWhoseConnectionIsKilledRollsBackWholeAndARerunCompletes() throws SQLException {
        persistTree();
        removeBlog();
        int before = killer.kills();
        killer.killAt("cascade_comment", 1);

        assertThatThrownBy(ConnectionKillTest::restoreBlog).isInstanceOf(RuntimeException.class);

        assertThat(killer.kills()).isEqualTo(before + 1);
        assertThat(marked()).as("rows still marked after the killed restore").isEqualTo(TREE);
        restoreBlog();
        assertThat(marked()).isZero();
        assertThat(count("select count(*) from cascade_comment")).isEqualTo((long) POSTS * COMMENTS_PER_POST);
    }

    @Test
    void aPurgeWhoseConnectionIsKilledKeepsItsEarlierBatchesAndARerunCompletes() throws SQLException {
        CLOCK.set(NOW.minus(Duration.ofDays(8)));
        factory.inTransaction(session -> {
            for (long id = 1; id <= 10; id++) {
                session.persist(new PurgeItem(id));
            }
        });
        factory.inTransaction(session -> session.createMutationQuery("delete from PurgeItem").executeUpdate());
        CLOCK.set(NOW);
        Purger purger = Purger.of(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC)).batchSize(3);
        int before = killer.kills();
        killer.killAt("delete from purge_item", 2);

        assertThatThrownBy(purger::run).isInstanceOf(RuntimeException.class);

        assertThat(killer.kills()).isEqualTo(before + 1);
        assertThat(count("select count(*) from purge_item")).as("rows left after batch 1 of 3").isEqualTo(7);
        purger.run();
        assertThat(count("select count(*) from purge_item")).isZero();
    }
}
