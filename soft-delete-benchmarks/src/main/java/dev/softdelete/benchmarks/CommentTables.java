package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.insert.CheckedComment;
import dev.softdelete.benchmarks.model.insert.CheckedPost;
import dev.softdelete.benchmarks.model.insert.UncheckedComment;
import dev.softdelete.benchmarks.model.insert.UncheckedPost;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The posts and comments of {@link InsertBenchmark} and {@link MoveBenchmark}, in two models: checked
 * (the post's comments cascade REMOVE, so the library checks what is linked under a post) and
 * unchecked (the same without the cascade). Two posts of each; {@value #PREFILL} comments on the first,
 * and analysed tables: an application in use. On a table created empty, PostgreSQL plans the check's
 * read by key as a scan of a table it believes tiny, and keeps that plan while the benchmark fills it.
 */
final class CommentTables implements AutoCloseable {

    static final long POST = 1L;
    static final long OTHER_POST = 2L;

    private static final String SCHEMA = "softdelete_insert_bench";
    private static final int PREFILL = 20_000;

    private final String db;
    private final HikariDataSource pool;
    private final SessionFactory factory;

    private CommentTables(String db, HikariDataSource pool, SessionFactory factory) {
        this.db = db;
        this.pool = pool;
        this.factory = factory;
    }

    static CommentTables create(String db) {
        HikariDataSource pool = BenchmarkDatabase.pool(BenchmarkDatabase.dataSource(db), 2, "comment-bench");
        if (db.equals("postgresql")) {
            BenchmarkDatabase.createSchema(pool, SCHEMA);
        }
        CommentTables tables = new CommentTables(db, pool, factory(db, pool));
        try (Session session = tables.factory.openSession()) {
            session.inTransaction(tx -> {
                for (long post : new long[] {POST, OTHER_POST}) {
                    session.persist(new CheckedPost(post));
                    session.persist(new UncheckedPost(post));
                }
            });
        }
        tables.prefill();
        return tables;
    }

    SessionFactory factory() {
        return factory;
    }

    private void prefill() {
        for (int done = 0; done < PREFILL; done += 1000) {
            try (Session session = factory.openSession()) {
                session.inTransaction(tx -> {
                    CheckedPost checked = session.find(CheckedPost.class, POST);
                    UncheckedPost unchecked = session.find(UncheckedPost.class, POST);
                    for (int i = 0; i < 1000; i++) {
                        session.persist(checked.comment("earlier"));
                        session.persist(unchecked.comment("earlier"));
                    }
                });
            }
        }
        String prefix = db.equals("postgresql") ? SCHEMA + "." : "";
        String analyze = switch (db) {
            case "postgresql" -> "analyze ";
            case "mariadb" -> "analyze table ";
            default -> null;
        };
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            if (analyze == null) {
                statement.execute("analyze");
                return;
            }
            for (String table : new String[] {"checked_post", "checked_comment", "unchecked_post", "unchecked_comment"}) {
                statement.execute(analyze + prefix + table);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot analyze the tables", e);
        }
    }

    private static SessionFactory factory(String db, HikariDataSource pool) {
        return BenchmarkDatabase.factory(pool, db.equals("postgresql") ? SCHEMA : null,
                Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, 50), CheckedPost.class, CheckedComment.class,
                UncheckedPost.class, UncheckedComment.class);
    }

    /** The ids of the first comments of each model, oldest first. */
    List<Long> firstComments(String entity, int count) {
        try (Session session = factory.openSession()) {
            return session.createSelectionQuery("select c.id from " + entity + " c order by c.id", Long.class)
                    .setMaxResults(count).getResultList();
        }
    }

    /** Fails when a comment was deleted or left the benchmark's posts: a write that went astray. */
    void checkCommentsLiveOn(long... posts) {
        try (Session session = factory.openSession()) {
            for (String entity : new String[] {"CheckedComment", "UncheckedComment"}) {
                long astray = session.createSelectionQuery("select count(*) from " + entity
                        + " c where c.deletedAt is not null or c.post.id not in :posts", Long.class)
                        .setParameter("posts", Arrays.stream(posts).boxed().toList()).getSingleResult();
                if (astray != 0) {
                    throw new IllegalStateException(astray + " " + entity + " rows deleted or on another post");
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            factory.close();
        }
        finally {
            pool.close();
        }
    }
}
