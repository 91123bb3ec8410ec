package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.purge.PurgeRecord;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@code purge_record} table of the purge benchmark and of {@link PurgeHeapCheck}, a session
 * factory holding only {@link PurgeRecord}, and a small HikariCP pool that the factory and the JDBC
 * baselines share.
 * <p>
 * "Now" is the fixed {@link #CLOCK}, so the cutoff (now − 30 days, {@code PurgeRecord}'s retention) is
 * exact and every row is clearly on one side of it. No index on {@code deleted_at}: the library creates
 * none and docs/retention.md recommends none, so all variants run on the primary key alone.
 */
final class PurgeDatabase implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** {@code PurgeRecord}'s {@code retain = "P30D"}: rows deleted before this are due. */
    static final OffsetDateTime CUTOFF = NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);

    // Due rows are deleted 60 to 90 days before now, recent ones 5 days before (they must survive).
    private static final OffsetDateTime DUE_LATEST = NOW.minus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC);
    private static final long DUE_SPREAD_SECONDS = Duration.ofDays(30).toSeconds();
    private static final OffsetDateTime RECENT = NOW.minus(Duration.ofDays(5)).atOffset(ZoneOffset.UTC);

    // Hibernate and the library log through java.util.logging here; the loggers are held so the level sticks.
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger LIBRARY_LOG = Logger.getLogger("dev.softdelete");

    /** Which rows a {@link #reset} leaves due for purge. */
    enum Layout {
        /**
         * The benchmark's: even ids due, ids ≡ 1 (mod 4) deleted recently, ids ≡ 3 (mod 4) live, so
         * survivors sit between due rows all over the table. The row count must be a multiple of 4.
         */
        MIXED,
        /** Every row due. */
        ALL_DUE
    }

    /** What the table holds: all rows, due ones (deleted before the cutoff), recently deleted ones, live ones. */
    record Counts(long all, long due, long recent, long live) {
    }

    private final String db;
    private final String table;
    private final HikariDataSource pool;
    private SessionFactory factory;

    private PurgeDatabase(String db, String table, HikariDataSource pool) {
        this.db = db;
        this.table = table;
        this.pool = pool;
    }

    /**
     * Creates the table (in {@code schema} on PostgreSQL; dropped again by {@link #close()}).
     *
     * @param db {@code h2} or {@code postgresql}: which SQL dialect the fill uses
     */
    static PurgeDatabase create(String db, DataSource dataSource, String schema) {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        // the purge logs one INFO line per entity and run; in a benchmark that is noise on the fork's output
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
        // the library takes two connections one after the other per batch (select, then delete)
        HikariDataSource pool = BenchmarkDatabase.pool(dataSource, 2, "purge-bench");
        boolean postgresql = db.equals("postgresql");
        PurgeDatabase database = new PurgeDatabase(db, (postgresql ? schema + "." : "") + "purge_record", pool);
        try {
            if (postgresql) {
                BenchmarkDatabase.createSchema(pool, schema);
            }
            database.factory = database.factory(postgresql ? schema : null);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        return database;
    }

    private SessionFactory factory(String schema) {
        return BenchmarkDatabase.factory(pool, schema, Map.of(), PurgeRecord.class);
    }

    SessionFactory factory() {
        return factory;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** The table's name, schema-qualified on PostgreSQL. */
    String table() {
        return table;
    }

    // ~~~ data ~~~

    /**
     * Empties the table and fills it with ids 1..rows in one set-based statement; on PostgreSQL then
     * {@code vacuum analyze}, so that every run plans with fresh statistics of a compact table. Fails
     * unless the table then holds what the layout promises.
     */
    void reset(long rows, Layout layout) {
        if (layout == Layout.MIXED && rows % 4 != 0) {
            throw new IllegalArgumentException("rows must be a multiple of 4, got " + rows);
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate table " + table);
            try (PreparedStatement fill = connection.prepareStatement(fillSql(layout, rows))) {
                fill.setObject(1, DUE_LATEST);
                fill.setObject(2, RECENT);
                if (!isMariaDb()) {
                    fill.setLong(3, rows);
                }
                expect("rows inserted", rows, (long) fill.executeUpdate());
            }
            if (db.equals("postgresql")) {
                statement.execute("vacuum analyze " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill " + table, e);
        }
        Counts expected = layout == Layout.MIXED
                ? new Counts(rows, rows / 2, rows / 4, rows / 4)
                : new Counts(rows, rows, 0, 0);
        expect("after the fill", expected, counts());
    }

    // Due instants are spread over 30 days by a multiplicative hash of the id, so that "order by
    // deleted_at" (the chunked recipe) visits them in an order unrelated to the ids.
    private String fillSql(Layout layout, long rows) {
        if (isMariaDb()) {
            return mariaDbFillSql(layout, rows);
        }
        boolean postgresql = db.equals("postgresql");
        String x = postgresql ? "g" : "x";
        String due = layout == Layout.ALL_DUE ? "1 = 1" : "mod(" + x + ", 2) = 0";
        String spread = "mod(" + x + " * 7919, " + DUE_SPREAD_SECONDS + ")";
        String dueAt = postgresql
                ? "cast(? as timestamp with time zone) - " + spread + " * interval '1 second'"
                : "dateadd(second, -" + spread + ", cast(? as timestamp with time zone))";
        String payload = postgresql ? "lpad(cast(g as text), 32, '0')" : "lpad(cast(x as varchar), 32, '0')";
        String series = postgresql ? "generate_series(cast(1 as bigint), ?) g" : "system_range(1, ?)";
        return "insert into " + table + " (id, payload, deleted_at) select " + x + ", 'payload ' || " + payload
                + ", case when " + due + " then " + dueAt
                + " when mod(" + x + ", 4) = 1 then cast(? as timestamp with time zone) end from " + series;
    }

    /**
     * MariaDB: the rows come from the sequence engine's {@code seq_1_to_<n>} table, whose bound is part
     * of its name (a number of the benchmark's own, not user input); {@code ||} is OR there, so concat().
     */
    private String mariaDbFillSql(Layout layout, long rows) {
        String due = layout == Layout.ALL_DUE ? "1 = 1" : "mod(seq, 2) = 0";
        String spread = "mod(seq * 7919, " + DUE_SPREAD_SECONDS + ")";
        return "insert into " + table + " (id, payload, deleted_at) select seq, concat('payload ', lpad(seq, 32, '0')),"
                + " case when " + due + " then ? - interval " + spread + " second"
                + " when mod(seq, 4) = 1 then ? end from seq_1_to_" + rows;
    }

    boolean isMariaDb() {
        return db.equals("mariadb");
    }

    // ~~~ checks ~~~

    /** The table's rows, by state relative to the cutoff, in one scan. */
    Counts counts() {
        String sql = "select count(*), count(case when deleted_at < ? then 1 end), "
                + "count(case when deleted_at >= ? then 1 end), count(case when deleted_at is null then 1 end) from " + table;
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, CUTOFF);
            statement.setObject(2, CUTOFF);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Counts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }

    /**
     * Fails unless a purge of the {@link Layout#MIXED} table reported exactly the due rows and left
     * exactly the others: a variant that missed a row, or took a survivor, must not report a figure.
     *
     * @param purged the rows the variant says it deleted; negative if it did not say
     */
    void expectPurged(long rows, long purged) {
        expect("rows reported purged", rows / 2, purged);
        expect("after the purge", new Counts(rows / 2, 0, rows / 4, rows / 4), counts());
    }

    static void expect(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    @Override
    public void close() {
        try {
            if (factory != null) {
                factory.close();
            }
        } finally {
            pool.close();
        }
    }
}
