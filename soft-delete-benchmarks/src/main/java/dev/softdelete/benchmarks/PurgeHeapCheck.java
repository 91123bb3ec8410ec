package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.PurgeDatabase.Layout;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Does the library's purge hold heap in proportion to the rows it deletes? For each row count N, fills
 * {@code purge_record} with N due rows, runs {@code Purger} with a listener that, after a batch, forces a
 * GC and reads the used heap, and prints the largest reading; first the same reading for the idle
 * session factory (empty table), as the baseline, then one warm-up purge of two batches (the first purge
 * of a factory loads classes and caches query plans once). It prints numbers and asserts no threshold.
 * <pre>
 * java -Xmx1g -cp soft-delete-benchmarks/target/benchmarks.jar dev.softdelete.benchmarks.PurgeHeapCheck postgresql 100000 1000000
 * </pre>
 * {@code -Dsoftdelete.bench.purge.batch=N} sets the batch size (default the library's, 1000); PostgreSQL is
 * configured as for the benchmarks ({@code -Dsoftdelete.bench.pg.url=...}, schema {@code softdelete_purge_heap}).
 * <p>
 * H2 runs from a temporary <em>file</em> database with a 4 MB page cache, not in memory: an in-memory
 * table would sit on the measured heap and shrink as the purge deletes it. The H2 figures still include
 * that cache and the engine's own structures; PostgreSQL's, only the client side.
 * At most about {@value #SAMPLES} batches per run are sampled (a forced GC per batch would dominate runs
 * of thousands of batches): every k-th batch, k = batches / {@value #SAMPLES} rounded down, at least 1.
 */
public final class PurgeHeapCheck {

    private static final String SCHEMA = "softdelete_purge_heap";
    private static final int SAMPLES = 100;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private PurgeHeapCheck() {
    }

    /**
     * Prints the heap readings for each row count.
     *
     * @param args {@code h2} or {@code postgresql}, then one or more row counts
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PurgeHeapCheck h2|postgresql ROWS [ROWS ...]");
            System.exit(2);
        }
        String db = args[0];
        int batch = Integer.getInteger("softdelete.bench.purge.batch", Purger.DEFAULT_BATCH_SIZE);
        Path h2Directory = db.equals("h2") ? Files.createTempDirectory("softdelete-purge-heap") : null;
        DataSource dataSource = h2Directory == null ? BenchmarkDatabase.dataSource(db) : h2File(h2Directory);
        try (PurgeDatabase database = PurgeDatabase.create(db, dataSource, SCHEMA)) {
            System.out.printf("db=%s batch=%d max heap=%s%n", db, batch, mb(MEMORY.getHeapMemoryUsage().getMax()));
            long idle = 0;
            for (int i = 0; i < 5; i++) {
                idle = Math.max(idle, usedAfterGc());
            }
            System.out.printf("idle session factory, empty table: used heap after GC %s (max of 5)%n", mb(idle));
            // the first purge also loads classes and caches query plans, once per factory: keep that out of the rows
            long warmUp = 2L * batch;
            System.out.print("warm-up, not a measurement: ");
            measure(database, h2Directory != null, warmUp, batch);
            for (int i = 1; i < args.length; i++) {
                measure(database, h2Directory != null, Long.parseLong(args[i]), batch);
            }
        } finally {
            if (h2Directory != null) {
                deleteRecursively(h2Directory);
            }
        }
    }

    private static void measure(PurgeDatabase database, boolean h2, long rows, int batch) {
        database.reset(rows, Layout.ALL_DUE);
        if (h2) {
            // writes the filled pages out, so that they leave the heap before the "before" reading
            checkpoint(database);
        }
        long before = usedAfterGc();
        long every = Math.max(1, (rows + batch - 1) / batch / SAMPLES);
        long[] max = {0};
        int[] samples = {0};
        PurgeReport report = Purger.of(database.factory())
                .clock(PurgeDatabase.CLOCK)
                .batchSize(batch)
                .listener(done -> {
                    if (done.number() % every == 0) {
                        max[0] = Math.max(max[0], usedAfterGc());
                        samples[0]++;
                    }
                })
                .run();
        PurgeDatabase.expect("rows reported purged", rows, report.totalRows());
        PurgeDatabase.expect("rows left", 0L, database.counts().all());
        long after = usedAfterGc();
        System.out.printf("rows=%d batches=%d sampled=%d: used heap after GC before the purge %s,"
                        + " max during %s (%+.1f MB), after %s%n",
                rows, report.batches(), samples[0], mb(before), mb(max[0]), (max[0] - before) / 1048576.0, mb(after));
    }

    private static void checkpoint(PurgeDatabase database) {
        try (Connection connection = database.pool().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint failed", e);
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }

    private static DataSource h2File(Path directory) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("purge").toAbsolutePath() + ";CACHE_SIZE=4096");
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
