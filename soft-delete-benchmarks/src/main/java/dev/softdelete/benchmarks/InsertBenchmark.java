package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.insert.CheckedComment;
import dev.softdelete.benchmarks.model.insert.CheckedPost;
import dev.softdelete.benchmarks.model.insert.UncheckedComment;
import dev.softdelete.benchmarks.model.insert.UncheckedPost;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the check of inserted children costs a request that adds comments to a post: find the post,
 * persist {@code comments} new comments, commit. {@code checked} maps the post's comments with a REMOVE
 * cascade, so the flush reads the new comments' post and locks it shared to see that it is live;
 * {@code unchecked} is the same model without the cascade, which nothing checks. Both run on the
 * library's factory with the same tables and statements otherwise. Each trial starts with
 * {@value #PREFILL} comments per post and analysed tables.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 8, time = 2)
public class InsertBenchmark {

    private static final String SCHEMA = "softdelete_insert_bench";
    private static final long POST = 1L;
    private static final int PREFILL = 20_000;

    /** One live post of each model; the comments accumulate over the trial. */
    @State(Scope.Benchmark)
    public static class Posts {

        @Param({"h2", "postgresql", "mariadb"})
        public String db;

        /** Comments added per transaction. */
        @Param({"1", "10"})
        public int comments;

        private HikariDataSource pool;
        private SessionFactory factory;

        @Setup(Level.Trial)
        public void create() {
            HikariConfig config = new HikariConfig();
            config.setDataSource(BenchmarkDatabase.dataSource(db));
            config.setMaximumPoolSize(2);
            config.setPoolName("insert-bench");
            pool = new HikariDataSource(config);
            if (db.equals("postgresql")) {
                BenchmarkDatabase.createSchema(pool, SCHEMA);
            }
            factory = factory();
            try (Session session = factory.openSession()) {
                session.inTransaction(tx -> {
                    session.persist(new CheckedPost(POST));
                    session.persist(new UncheckedPost(POST));
                });
            }
            prefill();
        }

        /**
         * Tables of an application in use: {@value #PREFILL} comments each, and statistics. On a table
         * created empty, PostgreSQL plans the check's read by key as a scan of a table it believes tiny,
         * and keeps that plan while the benchmark fills it.
         */
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

        private SessionFactory factory() {
            Map<String, Object> settings = new HashMap<>();
            settings.put(AvailableSettings.DATASOURCE, pool);
            settings.put(AvailableSettings.HBM2DDL_AUTO, "create-drop");
            if (db.equals("postgresql")) {
                settings.put(AvailableSettings.DEFAULT_SCHEMA, SCHEMA);
            }
            settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
            settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
            try {
                return new MetadataSources(registry).addAnnotatedClasses(CheckedPost.class, CheckedComment.class,
                        UncheckedPost.class, UncheckedComment.class).buildMetadata().buildSessionFactory();
            }
            catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(registry);
                throw e;
            }
        }

        /** Every comment written is live and on the post: an insert that went astray fails the trial. */
        @TearDown(Level.Trial)
        public void checkAndClose() {
            try (Session session = factory.openSession()) {
                for (String entity : new String[] {"CheckedComment", "UncheckedComment"}) {
                    long astray = session.createSelectionQuery("select count(*) from " + entity
                            + " c where c.deletedAt is not null or c.post.id <> :post", Long.class)
                            .setParameter("post", POST).getSingleResult();
                    if (astray != 0) {
                        throw new IllegalStateException(astray + " " + entity + " rows deleted or on another post");
                    }
                }
            }
            finally {
                factory.close();
                pool.close();
            }
        }
    }

    /** The library with the check: the comments' association cascades REMOVE. */
    @Benchmark
    public void addComments_checked(Posts posts) {
        addComments(posts, session -> session.find(CheckedPost.class, POST), CheckedPost::comment);
    }

    /** The same request on the model without the cascade, so without the check. */
    @Benchmark
    public void addComments_unchecked(Posts posts) {
        addComments(posts, session -> session.find(UncheckedPost.class, POST), UncheckedPost::comment);
    }

    private static <P> void addComments(Posts posts, Function<Session, P> findPost,
            BiFunction<P, String, Object> comment) {
        try (Session session = posts.factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            P post = findPost.apply(session);
            for (int i = 0; i < posts.comments; i++) {
                session.persist(comment.apply(post, "comment"));
            }
            transaction.commit();
        }
    }
}
