package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.CascadeDatabase.Tables;
import dev.softdelete.benchmarks.model.cascade.NativeParent;
import dev.softdelete.benchmarks.model.cascade.SoftParent;
import dev.softdelete.hibernate.SoftDeleteSession;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Cascade soft delete of whole trees (parent → children → grandchildren, {@code cascade = ALL} at
 * both levels), and the library's cascade restore, against the hand-written JDBC floor and, for the
 * delete, Hibernate's own {@code @SoftDelete}. Method names read {@code <operation>_<variant>}.
 * <p>
 * Every invocation starts from fresh data: the markers are reset outside the timed part (hence
 * {@link Level#Invocation}, fine for operations of milliseconds), and checked after it, so a cascade
 * that missed a row or reached a bystander fails the trial instead of reporting a figure. The timed
 * part is one whole unit of work: take a pooled connection, do the operation for every target parent,
 * commit.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 25)
@Measurement(iterations = 10)
public class CascadeBenchmark {

    /**
     * Both models, filled once per trial. Only the two states below use it: JMH would give a
     * benchmark class that is also a dependency two instances, and so two databases.
     */
    @State(Scope.Thread)
    public static class Trees {

        @Param({"h2", "postgresql"})
        public String db;

        /** Target trees: parents x children per parent x grandchildren per child. */
        @Param({"1x1000x10", "10x100x10"})
        public String shape;

        private CascadeDatabase database;
        private long[] parentIds;

        @Setup(Level.Trial)
        public void createDatabase() {
            database = CascadeDatabase.create(db, CascadeDatabase.Shape.parse(shape));
            parentIds = database.targetParentIds();
        }

        @TearDown(Level.Trial)
        public void dropDatabase() {
            database.close();
        }
    }

    /** Every tree live before the invocation; afterwards the trees of the model it names are deleted. */
    @State(Scope.Thread)
    public static class LiveTrees {

        private CascadeDatabase database;
        private long[] parentIds;
        private Tables deleted;

        @Setup(Level.Invocation)
        public void reset(Trees trees) {
            database = trees.database;
            parentIds = trees.parentIds;
            database.resetAllLive();
            deleted = null;
        }

        @TearDown(Level.Invocation)
        public void check() {
            database.expectTargetsDeletedIn(deleted);
        }
    }

    /** The library's target trees deleted before the invocation (one instant on every row); none after it. */
    @State(Scope.Thread)
    public static class DeletedTrees {

        private CascadeDatabase database;
        private long[] parentIds;

        @Setup(Level.Invocation)
        public void reset(Trees trees) {
            database = trees.database;
            parentIds = trees.parentIds;
            database.resetTargetsDeleted();
        }

        @TearDown(Level.Invocation)
        public void check() {
            database.expectAllLive();
        }
    }

    // ~~~ cascade delete ~~~

    /** The library: {@code remove} of each parent, the cascade done set-based at flush. */
    @Benchmark
    public void delete_library(LiveTrees trees) {
        remove(trees.database.libraryFactory(), SoftParent.class, trees.parentIds);
        trees.deleted = trees.database.soft();
    }

    /** The library writing its history table: one INSERT per removed parent beside the cascade's UPDATEs. */
    @Benchmark
    public void delete_library_history(LiveTrees trees) {
        remove(trees.database.historyFactory(), SoftParent.class, trees.parentIds);
        trees.deleted = trees.database.soft();
    }

    /** Hibernate's {@code @SoftDelete}: the same code; Hibernate loads every child and marks it by id. */
    @Benchmark
    public void delete_hibernate(LiveTrees trees) {
        remove(trees.database.hibernateFactory(), NativeParent.class, trees.parentIds);
        trees.deleted = trees.database.hibernate();
    }

    private static void remove(SessionFactory factory, Class<?> parentType, long[] parentIds) {
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            for (long id : parentIds) {
                session.remove(session.find(parentType, id));
            }
            transaction.commit();
        }
    }

    /** The floor: three UPDATEs per parent on the library's tables, in one transaction. */
    @Benchmark
    public void delete_jdbc(LiveTrees trees) throws SQLException {
        deleteByHand(trees.database, trees.parentIds);
        trees.deleted = trees.database.soft();
    }

    /** The floor's delete, also used by the scale run: three UPDATEs per parent, in one transaction. */
    static void deleteByHand(CascadeDatabase database, long[] parentIds) throws SQLException {
        Tables t = database.soft();
        jdbc(database, parentIds,
                "update " + t.parent() + " set deleted_at = ? where id = ? and deleted_at is null",
                "update " + t.child() + " set deleted_at = ? where parent_id = ? and deleted_at is null",
                grandchildren(database, "deleted_at is null"),
                CascadeDatabase.now());
    }

    // ~~~ cascade restore ~~~

    /** The library: {@code restore(SoftParent.class, id)} of each parent, which restores its tree set-based. */
    @Benchmark
    public void restore_library(DeletedTrees trees) {
        restore(trees.database.libraryFactory(), trees.parentIds);
    }

    /** The library writing its history table: one INSERT per restored parent. */
    @Benchmark
    public void restore_library_history(DeletedTrees trees) {
        restore(trees.database.historyFactory(), trees.parentIds);
    }

    private static void restore(SessionFactory factory, long[] parentIds) {
        try (Session session = factory.openSession()) {
            SoftDeleteSession softDelete = SoftDeleteSession.wrap(session);
            Transaction transaction = session.beginTransaction();
            for (long id : parentIds) {
                if (!softDelete.restore(SoftParent.class, id)) {
                    throw new IllegalStateException("parent " + id + " was not restored");
                }
            }
            transaction.commit();
        }
    }

    /**
     * The library's restore of every tree deleted since an instant, {@code restoreDeletedSince(SoftParent.class, t)}:
     * all the roots together, one UPDATE for the roots and one per level below them.
     */
    @Benchmark
    public void restore_library_since(DeletedTrees trees) {
        restoreTogether(trees, softDelete -> softDelete.restoreDeletedSince(SoftParent.class,
                CascadeDatabase.DELETED_AT.toInstant()));
    }

    /** The library's restore of the listed trees, {@code restoreAll(SoftParent.class, ids)}: as {@link #restore_library_since}. */
    @Benchmark
    public void restore_library_all(DeletedTrees trees) {
        List<Long> ids = Arrays.stream(trees.parentIds).boxed().toList();
        restoreTogether(trees, softDelete -> softDelete.restoreAll(SoftParent.class, ids));
    }

    private static void restoreTogether(DeletedTrees trees, ToIntFunction<SoftDeleteSession> restore) {
        try (Session session = trees.database.libraryFactory().openSession()) {
            SoftDeleteSession softDelete = SoftDeleteSession.wrap(session);
            Transaction transaction = session.beginTransaction();
            int restored = restore.applyAsInt(softDelete);
            if (restored != trees.parentIds.length) {
                throw new IllegalStateException(restored + " parents restored, not " + trees.parentIds.length);
            }
            transaction.commit();
        }
    }

    /**
     * A set-based floor for "restore what was deleted since t": three UPDATEs for all the trees, the
     * lowest level first (its subquery finds the parents still deleted); it restores by instant, not by
     * operation, so it is not exact when trees were deleted by several operations in the window.
     */
    @Benchmark
    public void restore_jdbc_since(DeletedTrees trees) throws SQLException {
        Tables t = trees.database.soft();
        String deletedParents = "select id from " + t.parent() + " where deleted_at >= ?";
        try (Connection connection = trees.database.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement grandchildren = connection.prepareStatement("update " + t.grandchild()
                         + " set deleted_at = null where deleted_at is not null and child_id in (select id from "
                         + t.child() + " where parent_id in (" + deletedParents + "))");
                 PreparedStatement children = connection.prepareStatement("update " + t.child()
                         + " set deleted_at = null where deleted_at is not null and parent_id in (" + deletedParents + ")");
                 PreparedStatement parents = connection.prepareStatement("update " + t.parent()
                         + " set deleted_at = null where deleted_at >= ?")) {
                for (PreparedStatement update : new PreparedStatement[] {grandchildren, children, parents}) {
                    update.setObject(1, CascadeDatabase.DELETED_AT, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    update.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The floor: three UPDATEs setting null per parent, in one transaction. */
    @Benchmark
    public void restore_jdbc(DeletedTrees trees) throws SQLException {
        restoreByHand(trees.database, trees.parentIds);
    }

    /** The floor's restore, also used by the scale run: three UPDATEs setting null per parent. */
    static void restoreByHand(CascadeDatabase database, long[] parentIds) throws SQLException {
        Tables t = database.soft();
        jdbc(database, parentIds,
                "update " + t.parent() + " set deleted_at = ? where id = ? and deleted_at is not null",
                "update " + t.child() + " set deleted_at = ? where parent_id = ? and deleted_at is not null",
                grandchildren(database, "deleted_at is not null"),
                null);
    }

    /**
     * The grandchild statement as one would write it by hand for the database: {@code in (subquery)},
     * except on H2 2.4 and later, which run that subquery again for every row once the transaction has
     * written the child table (seconds for 10,000 rows); there a MERGE over a join, as the library does.
     * Parameters: the marker, then the parent id.
     */
    private static String grandchildren(CascadeDatabase database, String state) {
        Tables t = database.soft();
        if (!database.rerunsSubqueries()) {
            return "update " + t.grandchild() + " set deleted_at = ? where child_id in (select id from " + t.child()
                    + " where parent_id = ?) and " + state;
        }
        return "merge into " + t.grandchild() + " using (select g.id as sd_row, cast(? as timestamp with time zone)"
                + " as sd_marker from " + t.grandchild() + " g join " + t.child() + " c on c.id = g.child_id"
                + " where c.parent_id = ? and g." + state + ") sd_rows on (" + t.grandchild() + ".id = sd_rows.sd_row)"
                + " when matched then update set deleted_at = sd_rows.sd_marker";
    }

    private static void jdbc(CascadeDatabase database, long[] parentIds,
                             String parentSql, String childSql, String grandchildSql, OffsetDateTime marker) throws SQLException {
        try (Connection connection = database.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement parent = connection.prepareStatement(parentSql);
                 PreparedStatement child = connection.prepareStatement(childSql);
                 PreparedStatement grandchild = connection.prepareStatement(grandchildSql)) {
                for (long id : parentIds) {
                    for (PreparedStatement update : new PreparedStatement[] {parent, child, grandchild}) {
                        update.setObject(1, marker, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                        update.setLong(2, id);
                        update.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
