package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.model.insert.CheckedComment;
import dev.softdelete.benchmarks.model.insert.CheckedPost;
import dev.softdelete.benchmarks.model.insert.UncheckedComment;
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

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What the check of moved children costs an update: a request finds a comment and either moves it to
 * the other post ({@code move}: the flush reads the comment's post and locks it shared) or edits its
 * text ({@code edit}: no key changed, nothing is checked). {@code checked} is the model whose posts'
 * comments cascade REMOVE, {@code unchecked} the same without the cascade ({@link CommentTables}).
 * Requests go round {@value #ROUND} comments; each round moves them all to the post the previous round
 * moved them from.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 8, time = 2)
public class MoveBenchmark {

    private static final int ROUND = 200;

    /** The tables and the comments the requests go round. */
    @State(Scope.Benchmark)
    public static class Comments {

        @Param({"h2", "postgresql", "mariadb"})
        public String db;

        private CommentTables tables;
        private List<Long> checked;
        private List<Long> unchecked;
        private long requests;

        @Setup(Level.Trial)
        public void create() {
            tables = CommentTables.create(db);
            checked = tables.firstComments("CheckedComment", ROUND);
            unchecked = tables.firstComments("UncheckedComment", ROUND);
        }

        /** Every comment is live and on one of the two posts: a move that went astray fails the trial. */
        @TearDown(Level.Trial)
        public void checkAndClose() {
            try (CommentTables closing = tables) {
                closing.checkCommentsLiveOn(CommentTables.POST, CommentTables.OTHER_POST);
            }
        }

        private long nextIndex() {
            return requests++;
        }
    }

    @Benchmark
    public void move_checked(Comments comments) {
        long request = comments.nextIndex();
        update(comments, CheckedComment.class, comments.checked, request, (session, comment) ->
                comment.moveTo(session.getReference(CheckedPost.class, target(request))));
    }

    @Benchmark
    public void move_unchecked(Comments comments) {
        long request = comments.nextIndex();
        update(comments, UncheckedComment.class, comments.unchecked, request, (session, comment) ->
                comment.moveTo(session.getReference(UncheckedPost.class, target(request))));
    }

    @Benchmark
    public void edit_checked(Comments comments) {
        long request = comments.nextIndex();
        update(comments, CheckedComment.class, comments.checked, request,
                (session, comment) -> comment.setText("edited " + request));
    }

    @Benchmark
    public void edit_unchecked(Comments comments) {
        long request = comments.nextIndex();
        update(comments, UncheckedComment.class, comments.unchecked, request,
                (session, comment) -> comment.setText("edited " + request));
    }

    /** The first round moves every comment to the other post, the next one back, and so on. */
    private static long target(long request) {
        return (request / ROUND) % 2 == 0 ? CommentTables.OTHER_POST : CommentTables.POST;
    }

    private static <C> void update(Comments comments, Class<C> type, List<Long> ids, long request,
            BiConsumer<Session, C> change) {
        try (Session session = comments.tables.factory().openSession()) {
            Transaction transaction = session.beginTransaction();
            change.accept(session, session.find(type, ids.get((int) (request % ROUND))));
            transaction.commit();
        }
    }
}
