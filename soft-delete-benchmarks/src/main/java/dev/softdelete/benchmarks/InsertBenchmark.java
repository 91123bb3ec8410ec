package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.model.insert.CheckedPost;
import dev.softdelete.benchmarks.model.insert.UncheckedPost;
import org.hibernate.Session;
import org.hibernate.Transaction;
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

import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the check of inserted children costs a request that adds comments to a post: find the post,
 * persist {@code comments} new comments, commit. {@code checked} maps the post's comments with a REMOVE
 * cascade, so the flush reads the new comments' post and locks it shared to see that it is live;
 * {@code unchecked} is the same model without the cascade, which nothing checks. Both run on the
 * library's factory with the same tables and statements otherwise ({@link CommentTables}: each trial
 * starts with 20,000 comments on the post and analysed tables).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 8, time = 2)
public class InsertBenchmark {

    /** One live post of each model; the comments accumulate over the trial. */
    @State(Scope.Benchmark)
    public static class Posts {

        @Param({"h2", "postgresql", "mariadb"})
        public String db;

        /** Comments added per transaction. */
        @Param({"1", "10"})
        public int comments;

        private CommentTables tables;

        @Setup(Level.Trial)
        public void create() {
            tables = CommentTables.create(db);
        }

        /** Every comment written is live and on the post: an insert that went astray fails the trial. */
        @TearDown(Level.Trial)
        public void checkAndClose() {
            try (CommentTables closing = tables) {
                closing.checkCommentsLiveOn(CommentTables.POST);
            }
        }
    }

    /** The library with the check: the comments' association cascades REMOVE. */
    @Benchmark
    public void addComments_checked(Posts posts) {
        addComments(posts, session -> session.find(CheckedPost.class, CommentTables.POST), CheckedPost::comment);
    }

    /** The same request on the model without the cascade, so without the check. */
    @Benchmark
    public void addComments_unchecked(Posts posts) {
        addComments(posts, session -> session.find(UncheckedPost.class, CommentTables.POST), UncheckedPost::comment);
    }

    private static <P> void addComments(Posts posts, Function<Session, P> findPost,
            BiFunction<P, String, Object> comment) {
        try (Session session = posts.tables.factory().openSession()) {
            Transaction transaction = session.beginTransaction();
            P post = findPost.apply(session);
            for (int i = 0; i < posts.comments; i++) {
                session.persist(comment.apply(post, "comment"));
            }
            transaction.commit();
        }
    }
}
