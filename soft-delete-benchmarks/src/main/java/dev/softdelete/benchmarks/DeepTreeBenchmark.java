package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.model.tree.TreeNode;
import dev.softdelete.hibernate.SoftDeleteSession;
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

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Cascade delete and restore of a self-referencing tree ({@link TreeTables}), where the cascade goes
 * as deep as the data, against one hand-written recursive statement per operation that writes the same
 * columns (the floor: what no level-by-level walk can beat in statements; it takes no locks, loads
 * nothing and checks nothing, so it bounds the library's work from below). {@code 40x1} is a chain
 * of forty, {@code 40x10} ten chains of forty under one root, {@code 8x1000} eight levels of a
 * thousand (two chunks of bound ids per level). Every invocation starts from fresh markers, set
 * outside the timed part, and is checked after it: a cascade that missed a row or reached the
 * bystander tree fails the trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 30)
@Measurement(iterations = 10)
public class DeepTreeBenchmark {

    /** The trees, filled once per trial. */
    @State(Scope.Benchmark)
    public static class Trees {

        @Param({"h2", "postgresql", "mariadb"})
        public String db;

        /** {@code DEPTHxWIDTH}: levels below the root, nodes per level. */
        @Param({"40x1", "40x10", "8x1000"})
        public String shape;

        private TreeTables tables;

        @Setup(Level.Trial)
        public void create() {
            tables = TreeTables.create(db, shape);
        }

        @TearDown(Level.Trial)
        public void close() {
            tables.close();
        }
    }

    /** The target tree live before the invocation; deleted after it. */
    @State(Scope.Thread)
    public static class LiveTree {

        private TreeTables tables;

        @Setup(Level.Invocation)
        public void reset(Trees trees) {
            tables = trees.tables;
            tables.resetAllLive();
        }

        @TearDown(Level.Invocation)
        public void check() {
            tables.expect(true);
        }
    }

    /** The target tree deleted by the library before the invocation (one operation); live after it. */
    @State(Scope.Thread)
    public static class DeletedTree {

        private TreeTables tables;

        @Setup(Level.Invocation)
        public void reset(Trees trees) {
            tables = trees.tables;
            tables.resetAllLive();
            remove(tables);
            tables.expect(true);
        }

        @TearDown(Level.Invocation)
        public void check() {
            tables.expect(false);
        }
    }

    /** The library: {@code remove} of the root, whose cascade walks every level set-based. */
    @Benchmark
    public void delete_library(LiveTree tree) {
        remove(tree.tables);
    }

    private static void remove(TreeTables tables) {
        try (Session session = tables.factory().openSession()) {
            Transaction transaction = session.beginTransaction();
            session.remove(session.find(TreeNode.class, TreeTables.root(TreeTables.TARGET)));
            transaction.commit();
        }
    }

    /** The floor: one recursive UPDATE that marks the whole tree. */
    @Benchmark
    public void delete_floor(LiveTree tree) throws SQLException {
        tree.tables.recursiveUpdate(true);
    }

    /** The library: {@code restore(TreeNode.class, root)}, which brings back what the delete marked. */
    @Benchmark
    public void restore_library(DeletedTree tree) {
        try (Session session = tree.tables.factory().openSession()) {
            Transaction transaction = session.beginTransaction();
            if (!SoftDeleteSession.wrap(session).restore(TreeNode.class, TreeTables.root(TreeTables.TARGET))) {
                throw new IllegalStateException("the root was not restored");
            }
            transaction.commit();
        }
    }

    /**
     * The library: {@code restoreDeletedSince(TreeNode.class, …)} over a window holding the target tree
     * only (the bystander is live). Every node below the root has a deleted parent in the window, so it
     * is left out of the groups and looked at once the root's cascade has run.
     */
    @Benchmark
    public void restoreSince_library(DeletedTree tree) {
        try (Session session = tree.tables.factory().openSession()) {
            Transaction transaction = session.beginTransaction();
            int restored = SoftDeleteSession.wrap(session).restoreDeletedSince(TreeNode.class, Instant.EPOCH);
            if (restored != tree.tables.rowsPerTree()) {
                throw new IllegalStateException("restored " + restored + " rows, not " + tree.tables.rowsPerTree());
            }
            transaction.commit();
        }
    }

    /** The floor: one recursive UPDATE that clears the whole tree's markers. */
    @Benchmark
    public void restore_floor(DeletedTree tree) throws SQLException {
        tree.tables.recursiveUpdate(false);
    }
}
