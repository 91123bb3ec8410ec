package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.CascadeDatabase.Shape;
import dev.softdelete.benchmarks.PurgeDatabase.Layout;
import dev.softdelete.benchmarks.model.cascade.SoftParent;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSession;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The scale run of docs/benchmarks.md (opt-in, not in CI): on PostgreSQL, the retention purge of
 * {@code rows / 2} due rows of a {@code rows}-row table while {@code writers} threads update live rows
 * spread among them, pass after pass (each refills the table) until {@code minutes} have passed; then
 * the cascade delete and restore of a parent with 1,000 children and 1,000,000 grandchildren, twice,
 * each time beside the three UPDATEs one would write by hand.
 * <pre>
 * java -Xmx1g -cp soft-delete-benchmarks/target/benchmarks.jar dev.softdelete.benchmarks.ScaleRun 20000000 4 10
 * </pre>
 * Reported per purge pass: batch times (gaps between the purge's commits, recorded below its pool by
 * {@link StatementClock}) p50 / p99 / max, statements per batch, the writers' update latency (their wait
 * behind the purge's locks included) p50 / p99 / max, and the used heap after a GC when the pass starts,
 * every 30 seconds and when it ends.
 * {@code -Dsoftdelete.scale.batch=N} sets the purge's batch size (default: the library's).
 * Every pass checks that exactly the due rows went and every other row stayed, and the cascade that it
 * marked and restored exactly the parent's tree.
 */
public final class ScaleRun {

    private static final String SCHEMA = "softdelete_purge_scale";
    private static final long HEAP_EVERY_MILLIS = 30_000;

    private ScaleRun() {
    }

    /**
     * Runs the purge passes and the cascade, printing their figures.
     *
     * @param args rows of the purge table (a multiple of 4), writer threads, minutes the purge passes (each with
     *             its fill) repeat for at least
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int batch = Integer.getInteger("softdelete.scale.batch", Purger.DEFAULT_BATCH_SIZE);
        System.out.printf("scale run: postgresql, %,d rows (%,d due), %d writers, batch %,d, purge passes (fill included)"
                + " for at least %.1f min, max heap %.0f MB%n", rows, rows / 2, writers, batch, minutes,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        long start = System.nanoTime();
        StatementClock clock = new StatementClock(BenchmarkDatabase.dataSource("postgresql"));
        try (PurgeDatabase database = PurgeDatabase.create("postgresql", clock, SCHEMA)) {
            int pass = 0;
            do {
                purgePass(++pass, database, clock, rows, writers, batch);
            } while (System.nanoTime() - start < (long) (minutes * 60e9));
        }
        cascade();
        System.out.printf("scale run done in %.1f min%n", (System.nanoTime() - start) / 60e9);
    }

    private static void purgePass(int pass, PurgeDatabase database, StatementClock clock, long rows, int writers,
            int batch) throws InterruptedException {
        long fillStart = System.nanoTime();
        database.reset(rows, Layout.MIXED);
        System.out.printf("%npass %d: table filled and analyzed in %.1f s%n", pass, (System.nanoTime() - fillStart) / 1e9);
        HeapSampler heap = new HeapSampler();
        Writers load = new Writers(database.table(), rows, writers);
        heap.start();
        load.start();
        Thread.sleep(2_000);   // the writers reach their pace before the purge starts
        clock.watchCallingThread();
        long purgeStart = System.nanoTime();
        PurgeReport report = Purger.of(database.factory()).clock(PurgeDatabase.CLOCK).batchSize(batch).run();
        long purgeEnd = System.nanoTime();
        List<StatementClock.Commit> commits = clock.stop();
        long[] waits = load.stop();
        heap.stop();
        database.expectPurged(rows, report.totalRows());

        long[] batchNanos = new long[commits.size()];
        long previous = purgeStart;
        int[] statements = new int[commits.size()];
        for (int i = 0; i < commits.size(); i++) {
            batchNanos[i] = commits.get(i).nanos() - previous;
            previous = commits.get(i).nanos();
            statements[i] = commits.get(i).statements();
        }
        Arrays.sort(batchNanos);
        Arrays.sort(statements);
        Arrays.sort(waits);
        System.out.printf("  purge: %,d rows in %,d batches (%,d commits), %.1f s, %,.0f rows/s%n", report.totalRows(),
                report.batches(), commits.size(), (purgeEnd - purgeStart) / 1e9,
                report.totalRows() / ((purgeEnd - purgeStart) / 1e9));
        System.out.printf("  batch time ms: p50 %.1f, p99 %.1f, max %.1f%n", ms(percentile(batchNanos, 50)),
                ms(percentile(batchNanos, 99)), ms(batchNanos[batchNanos.length - 1]));
        System.out.printf("  statements per committed transaction: min %d, median %d, max %d; %,d in all%n",
                statements[0], statements[statements.length / 2], statements[statements.length - 1],
                Arrays.stream(statements).asLongStream().sum());
        System.out.printf("  writers: %,d updates, latency ms p50 %.2f, p99 %.2f, max %.1f%n", waits.length,
                ms(percentile(waits, 50)), ms(percentile(waits, 99)), ms(waits[waits.length - 1]));
        System.out.printf("  used heap after GC, MB, every %d s: %s%n", HEAP_EVERY_MILLIS / 1000, heap.readings());
    }

    private static void cascade() throws SQLException {
        Shape shape = new Shape(1, 1_000, 1_000);
        long fillStart = System.nanoTime();
        StatementClock clock = new StatementClock(BenchmarkDatabase.dataSource("postgresql"));
        try (CascadeDatabase database = CascadeDatabase.create("postgresql", shape, clock)) {
            System.out.printf("%ncascade: %s filled (twice, and the Hibernate model likewise) in %.1f s%n", shape,
                    (System.nanoTime() - fillStart) / 1e9);
            CascadeDatabase.Tables tables = database.soft();
            // library, hand-written floor, library again: the first writes after a bulk load also set
            // PostgreSQL's hint bits, so the order is part of the figure and each is taken twice
            for (int round = 1; round <= 2; round++) {
                libraryCascade(database, clock, shape, tables, round);
                floorCascade(database, shape, tables, round);
            }
        }
    }

    private static void libraryCascade(CascadeDatabase database, StatementClock clock, Shape shape,
            CascadeDatabase.Tables tables, int round) {
        clock.watchCallingThread();
        long deleteStart = System.nanoTime();
        database.libraryFactory().inTransaction(s -> s.remove(s.find(SoftParent.class, 1L)));
        long deleteNanos = System.nanoTime() - deleteStart;
        List<StatementClock.Commit> deleteCommits = clock.stop();
        expectMarked(database, shape, tables);
        clock.watchCallingThread();
        long restoreStart = System.nanoTime();
        boolean restored = database.libraryFactory().fromTransaction(
                s -> SoftDeleteSession.wrap(s).restore(SoftParent.class, 1L));
        long restoreNanos = System.nanoTime() - restoreStart;
        List<StatementClock.Commit> restoreCommits = clock.stop();
        PurgeDatabase.expect("restored", true, restored);
        expectNoneMarked(database, tables);
        System.out.printf("  round %d, library: delete of parent 1 (%,d rows marked) %.1f s, %d statements;"
                        + " restore %.1f s, %d statements%n", round, shape.targetRows(), deleteNanos / 1e9,
                deleteCommits.get(0).statements(), restoreNanos / 1e9, restoreCommits.get(0).statements());
    }

    /** The three UPDATEs one would write by hand ({@code CascadeBenchmark}'s floor), delete then restore. */
    private static void floorCascade(CascadeDatabase database, Shape shape, CascadeDatabase.Tables tables, int round)
            throws SQLException {
        long[] parent = {1L};
        long deleteStart = System.nanoTime();
        CascadeBenchmark.deleteByHand(database, parent);
        long deleteNanos = System.nanoTime() - deleteStart;
        expectMarked(database, shape, tables);
        long restoreStart = System.nanoTime();
        CascadeBenchmark.restoreByHand(database, parent);
        long restoreNanos = System.nanoTime() - restoreStart;
        expectNoneMarked(database, tables);
        System.out.printf("  round %d, hand-written JDBC: delete %.1f s, restore %.1f s (3 statements each)%n", round,
                deleteNanos / 1e9, restoreNanos / 1e9);
    }

    private static void expectMarked(CascadeDatabase database, Shape shape, CascadeDatabase.Tables tables) {
        PurgeDatabase.expect("grandchildren marked", shape.targetGrandchildren(),
                database.count("select count(*) from " + tables.grandchild() + " where deleted_at is not null"));
        PurgeDatabase.expect("children marked", shape.targetChildren(),
                database.count("select count(*) from " + tables.child() + " where deleted_at is not null"));
    }

    private static void expectNoneMarked(CascadeDatabase database, CascadeDatabase.Tables tables) {
        PurgeDatabase.expect("rows still marked", 0L,
                database.count("select count(*) from " + tables.grandchild() + " where deleted_at is not null")
                        + database.count("select count(*) from " + tables.child() + " where deleted_at is not null"));
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Threads that update random live rows (ids ≡ 3 mod 4, between the due ones), each in its own transaction. */
    private static final class Writers {

        private final String table;
        private final long rows;
        private final List<Thread> threads = new ArrayList<>();
        private final List<long[]> latencies = new ArrayList<>();
        private final int[] counts;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final HikariDataSource pool;

        Writers(String table, long rows, int writers) {
            this.table = table;
            this.rows = rows;
            this.counts = new int[writers];
            pool = BenchmarkDatabase.pool(BenchmarkDatabase.dataSource("postgresql"), writers, "scale-writers");
            for (int w = 0; w < writers; w++) {
                latencies.add(new long[1 << 16]);
                int writer = w;
                threads.add(new Thread(() -> write(writer), "writer-" + w));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        private void write(int writer) {
            String sql = "update " + table + " set payload = ? where id = ?";
            try (Connection connection = pool.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
                while (running.get()) {
                    long id = 4 * ThreadLocalRandom.current().nextLong(rows / 4) + 3;
                    update.setString(1, "updated by " + writer);
                    update.setLong(2, id);
                    long before = System.nanoTime();
                    PurgeDatabase.expect("rows updated", 1, update.executeUpdate());
                    record(writer, System.nanoTime() - before);
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("writer " + writer + " failed", e);
            }
        }

        private void record(int writer, long nanos) {
            long[] mine = latencies.get(writer);
            if (counts[writer] == mine.length) {
                mine = Arrays.copyOf(mine, mine.length * 2);
                latencies.set(writer, mine);
            }
            mine[counts[writer]++] = nanos;
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            pool.close();
            long[] all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int w = 0; w < counts.length; w++) {
                System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
                at += counts[w];
            }
            return all;
        }
    }

    /** Reads the used heap after a GC every {@value #HEAP_EVERY_MILLIS} ms on a daemon thread. */
    private static final class HeapSampler {

        private final List<String> readings = new ArrayList<>();
        private final Thread thread = new Thread(this::sample, "heap-sampler");
        private final LongSupplier used = () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        private volatile boolean running = true;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running) {
                System.gc();
                synchronized (readings) {
                    readings.add(String.format("%.1f", used.getAsLong() / 1048576.0));
                }
                try {
                    Thread.sleep(HEAP_EVERY_MILLIS);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            System.gc();
            synchronized (readings) {
                readings.add(String.format("%.1f (end)", used.getAsLong() / 1048576.0));
            }
        }

        String readings() {
            synchronized (readings) {
                return String.join(", ", readings);
            }
        }
    }
}
