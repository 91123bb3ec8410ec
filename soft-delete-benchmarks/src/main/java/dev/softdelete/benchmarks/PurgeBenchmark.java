package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.PurgeDatabase.Layout;
import dev.softdelete.benchmarks.model.purge.PurgeRecord;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The retention purge ({@link Purger}) of one table, {@link PurgeRecord} ({@code retain = "P30D"}, no
 * associations), against two hand-written JDBC baselines. Method names read {@code purge_<variant>}.
 * <p>
 * Every invocation starts from a freshly filled table, outside the timed part: {@code rows} rows, half
 * of them due (even ids, deleted 60 to 90 days before the fixed "now"), a quarter deleted 5 days before
 * (they must stay), a quarter live; survivors and due rows alternate all over the table. On PostgreSQL
 * the fill ends with {@code vacuum analyze}. There is no index on {@code deleted_at} in any variant:
 * the library creates none and docs/retention.md recommends none. After each invocation, also outside
 * the timed part, the trial fails unless the variant reported exactly {@code rows / 2} rows deleted and
 * the table holds exactly the {@code rows / 2} survivors (no due row left, every recent and live row there).
 * <p>
 * {@code batch} is the library's {@code batchSize} and the chunked baseline's chunk size; the floor
 * does not use it, so it lives in a state of its own that the floor does not take, and JMH measures the
 * floor once per {@code db} and {@code rows} rather than once per batch size.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 8)
public class PurgeBenchmark {

    // Not the other benchmarks' schemas: no benchmark drops another's tables.
    private static final String SCHEMA = "softdelete_purge_bench";

    /** The table and the factory, created once per trial and dropped at its end. */
    @State(Scope.Thread)
    public static class Table {

        @Param({"h2", "postgresql"})
        public String db;

        /** Total rows before each purge; a multiple of 4. */
        @Param({"200000"})
        public long rows;

        private PurgeDatabase database;

        @Setup(Level.Trial)
        public void createDatabase() {
            database = PurgeDatabase.create(db, BenchmarkDatabase.dataSource(db), SCHEMA);
        }

        @TearDown(Level.Trial)
        public void dropDatabase() {
            database.close();
        }
    }

    /** Rows per batch (library) or per chunk (chunked baseline). */
    @State(Scope.Thread)
    public static class Batch {

        @Param({"1000", "10000"})
        public int batch;
    }

    /** The table filled afresh before the invocation; checked after it. */
    @State(Scope.Thread)
    public static class DueRows {

        private PurgeDatabase database;
        private long rows;
        private long purged;

        @Setup(Level.Invocation)
        public void reset(Table table) {
            database = table.database;
            rows = table.rows;
            database.reset(rows, Layout.MIXED);
            purged = -1;
        }

        @TearDown(Level.Invocation)
        public void check() {
            database.expectPurged(rows, purged);
        }
    }

    /** The library, as an application runs it: a new {@code Purger} per run, with the fixed clock. */
    @Benchmark
    public void purge_library(DueRows due, Batch batch) {
        record(due, Purger.of(due.database.factory())
                .clock(PurgeDatabase.CLOCK)
                .batchSize(batch.batch)
                .run());
    }

    /**
     * The library with an audit listener, which makes it read (and lock) each batch's ids before the
     * DELETE, to hand them to the listener: the cost of {@code PurgeBatch.ids()}.
     */
    @Benchmark
    public void purge_libraryWithListener(DueRows due, Batch batch) {
        long[] idsSeen = new long[1];
        PurgeReport report = Purger.of(due.database.factory())
                .clock(PurgeDatabase.CLOCK)
                .batchSize(batch.batch)
                .listener(done -> idsSeen[0] += done.ids().size())
                .run();
        if (idsSeen[0] == report.totalRows()) {
            record(due, report);
        }
    }

    private static void record(DueRows due, PurgeReport report) {
        Map<Class<?>, Long> rows = report.rowsPerEntity();
        // an entity other than PurgeRecord in the report would be a wrong purge: leave purged at -1 then
        if (rows.keySet().equals(Set.of(PurgeRecord.class)) && report.totalRows() == rows.get(PurgeRecord.class)) {
            due.purged = report.totalRows();
        }
    }

    /** The floor: one DELETE of every due row, in one transaction. */
    @Benchmark
    public void purge_floor(DueRows due) throws SQLException {
        try (Connection connection = due.database.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + due.database.table() + " where deleted_at < ?")) {
                delete.setObject(1, PurgeDatabase.CUTOFF);
                due.purged = delete.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The least a purge in batches of {@code batch} rows can cost: one key-range DELETE per batch, each
     * committed on its own, with ranges cut from the layout the benchmark filled (ids 1 to {@code rows},
     * the even ones due: {@code 2 * batch} ids hold {@code batch} due rows), so no statement reads where a
     * range ends. What batching itself costs against the one-statement {@code purge_floor}: a commit and
     * a round trip per batch.
     */
    @Benchmark
    public void purge_batchedFloor(DueRows due, Batch batch) throws SQLException {
        long purged = 0;
        long width = 2L * batch.batch;
        try (Connection connection = due.database.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("delete from " + due.database.table()
                    + " where id > ? and id <= ? and deleted_at < ?")) {
                for (long below = 0; below < due.rows; below += width) {
                    delete.setLong(1, below);
                    delete.setLong(2, below + width);
                    delete.setObject(3, PurgeDatabase.CUTOFF);
                    purged += delete.executeUpdate();
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        due.purged = purged;
    }

    /**
     * The usual hand-written recipe: DELETE the oldest {@code batch} due rows, each chunk in its own
     * transaction, until a chunk deletes nothing. The same statement on H2 and PostgreSQL; on MariaDB
     * with the chunk's ids in a derived table.
     */
    @Benchmark
    public void purge_chunked(DueRows due, Batch batch) throws SQLException {
        String table = due.database.table();
        long purged = 0;
        try (Connection connection = due.database.pool().getConnection()) {
            connection.setAutoCommit(false);
            // MariaDB takes no LIMIT in an IN subquery, nor a subquery of the table it deletes from: a
            // derived table, as one writes it there
            String oldest = "select id from " + table + " where deleted_at < ? order by deleted_at limit ?";
            String ids = due.database.isMariaDb() ? "select id from (" + oldest + ") sd_oldest" : oldest;
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table
                    + " where id in (" + ids + ")")) {
                int deleted;
                do {
                    delete.setObject(1, PurgeDatabase.CUTOFF);
                    delete.setInt(2, batch.batch);
                    deleted = delete.executeUpdate();
                    connection.commit();
                    purged += deleted;
                } while (deleted > 0);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        due.purged = purged;
    }
}
