package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.cascade.NativeChild;
import dev.softdelete.benchmarks.model.cascade.NativeGrandchild;
import dev.softdelete.benchmarks.model.cascade.NativeParent;
import dev.softdelete.benchmarks.model.cascade.SoftChild;
import dev.softdelete.benchmarks.model.cascade.SoftGrandchild;
import dev.softdelete.benchmarks.model.cascade.SoftParent;
import dev.softdelete.hibernate.SoftDeleteSettings;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.LongStream;

/**
 * The trees of the cascade benchmark, twice: once as library entities ({@code soft_*} tables, in a
 * session factory of their own) and once under Hibernate's own {@code @SoftDelete} ({@code native_*}
 * tables, in another factory), over one small connection pool.
 * <p>
 * Each table set holds the measured trees (the <em>targets</em>: ids 1..P, 1..P·C, 1..P·C·G) and as
 * many again that no operation may touch (the <em>bystanders</em>, the ids above), so that every
 * statement has to select its rows rather than take the whole table.
 */
final class CascadeDatabase implements AutoCloseable {

    // Not the read-path benchmark's schema: the two never drop each other's tables.
    private static final String SCHEMA = "softdelete_cascade_bench";

    // The instant the restore benchmarks find on every row of a deleted tree, as if one delete had marked it.
    static final OffsetDateTime DELETED_AT = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    /** {@code parents x children-per-parent x grandchildren-per-child}, as in the {@code shape} parameter. */
    record Shape(int parents, int children, int grandchildren) {

        static Shape parse(String text) {
            String[] parts = text.split("x");
            if (parts.length != 3) {
                throw new IllegalArgumentException("shape must read PxCxG, e.g. 1x1000x10, got '" + text + "'");
            }
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        long targetChildren() {
            return (long) parents * children;
        }

        long targetGrandchildren() {
            return targetChildren() * grandchildren;
        }

        long targetRows() {
            return parents + targetChildren() + targetGrandchildren();
        }
    }

    /** The three tables of one model, schema-qualified on PostgreSQL. */
    record Tables(String parent, String child, String grandchild) {

        List<String> all() {
            return List.of(parent, child, grandchild);
        }
    }

    private final String db;
    private final Shape shape;
    private final HikariDataSource pool;
    private Boolean rerunsSubqueries;
    private final Tables soft;
    private final Tables hibernate;
    private SessionFactory libraryFactory;
    private SessionFactory historyFactory;
    private SessionFactory hibernateFactory;
    private final String historyTable;

    private CascadeDatabase(String db, Shape shape, HikariDataSource pool) {
        this.db = db;
        this.shape = shape;
        this.pool = pool;
        String prefix = db.equals("postgresql") ? SCHEMA + "." : "";
        this.soft = new Tables(prefix + "soft_parent", prefix + "soft_child", prefix + "soft_grandchild");
        this.hibernate = new Tables(prefix + "native_parent", prefix + "native_child", prefix + "native_grandchild");
        this.historyTable = prefix + "softdelete_history";
    }

    /**
     * Whether this is H2 2.4 or later, where the grandchild level needs a join (see
     * {@code CascadeBenchmark.grandchildren}); read from the driver, as the version on the class path.
     */
    boolean rerunsSubqueries() {
        if (rerunsSubqueries == null) {
            rerunsSubqueries = db.equals("h2") && h2AtLeast24();
        }
        return rerunsSubqueries;
    }

    private boolean h2AtLeast24() {
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseMajorVersion() > 2
                    || meta.getDatabaseMajorVersion() == 2 && meta.getDatabaseMinorVersion() >= 4;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CascadeDatabase create(String db, Shape shape) {
        return create(db, shape, BenchmarkDatabase.dataSource(db));
    }

    /** As {@link #create(String, Shape)}, on connections from the given DataSource (e.g. one that counts statements). */
    static CascadeDatabase create(String db, Shape shape, DataSource dataSource) {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        HikariDataSource pool = BenchmarkDatabase.pool(dataSource, 2, "cascade-bench");
        CascadeDatabase database = new CascadeDatabase(db, shape, pool);
        try {
            if (db.equals("postgresql")) {
                BenchmarkDatabase.createSchema(pool, SCHEMA);
            }
            database.libraryFactory = database.factory(Map.of(), SoftParent.class, SoftChild.class, SoftGrandchild.class);
            // the same tables with the history table beside them, which "update" adds and nothing else changes
            database.historyFactory = database.factory(Map.of(AvailableSettings.HBM2DDL_AUTO, "update",
                    SoftDeleteSettings.HISTORY, "table"), SoftParent.class, SoftChild.class, SoftGrandchild.class);
            database.hibernateFactory = database.factory(Map.of(), NativeParent.class, NativeChild.class,
                    NativeGrandchild.class);
            database.fill(database.soft);
            database.fill(database.hibernate);
            if (db.equals("postgresql")) {
                database.run("analyze", database.soft.all());
                database.run("analyze", database.hibernate.all());
            }
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        return database;
    }

    private SessionFactory factory(Map<String, Object> overrides, Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.putIfAbsent(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        return BenchmarkDatabase.factory(pool, db.equals("postgresql") ? SCHEMA : null, settings, entities);
    }

    Shape shape() {
        return shape;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** Holds {@code SoftParent}, {@code SoftChild}, {@code SoftGrandchild}; the library is active. */
    SessionFactory libraryFactory() {
        return libraryFactory;
    }

    /** The library's factory over the same tables, writing the history table ({@code softdelete.history=table}). */
    SessionFactory historyFactory() {
        return historyFactory;
    }

    /** Holds {@code NativeParent}, {@code NativeChild}, {@code NativeGrandchild}: no library annotation. */
    SessionFactory hibernateFactory() {
        return hibernateFactory;
    }

    Tables soft() {
        return soft;
    }

    Tables hibernate() {
        return hibernate;
    }

    long[] targetParentIds() {
        return LongStream.rangeClosed(1, shape.parents()).toArray();
    }

    // ~~~ data ~~~

    // Child c of parent p has id (p-1)·C + c, grandchild g of child k has id (k-1)·G + g, so the
    // targets are a prefix of every table.
    private void fill(Tables tables) {
        int parents = 2 * shape.parents();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement parent = connection.prepareStatement("insert into " + tables.parent() + " (id, name) values (?, ?)");
                 PreparedStatement child = connection.prepareStatement("insert into " + tables.child() + " (id, parent_id, name) values (?, ?, ?)");
                 PreparedStatement grandchild = connection.prepareStatement("insert into " + tables.grandchild() + " (id, child_id, name) values (?, ?, ?)")) {
                long childId = 0;
                long grandchildId = 0;
                for (long p = 1; p <= parents; p++) {
                    parent.setLong(1, p);
                    parent.setString(2, "parent " + p);
                    parent.executeUpdate();
                    for (int c = 0; c < shape.children(); c++) {
                        childId++;
                        child.setLong(1, childId);
                        child.setLong(2, p);
                        child.setString(3, "child " + childId);
                        child.addBatch();
                        for (int g = 0; g < shape.grandchildren(); g++) {
                            grandchildId++;
                            grandchild.setLong(1, grandchildId);
                            grandchild.setLong(2, childId);
                            grandchild.setString(3, "grandchild " + grandchildId);
                            grandchild.addBatch();
                        }
                    }
                    child.executeBatch();
                    grandchild.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill " + tables, e);
        }
        expect(tables.parent() + " rows", parents, count("select count(*) from " + tables.parent()));
        expect(tables.child() + " rows", 2 * shape.targetChildren(), count("select count(*) from " + tables.child()));
        expect(tables.grandchild() + " rows", 2 * shape.targetGrandchildren(), count("select count(*) from " + tables.grandchild()));
    }

    /** Every row of both models live again. Only rows that are marked are written. */
    void resetAllLive() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from " + historyTable);
            for (Tables tables : List.of(soft, hibernate)) {
                for (String table : tables.all()) {
                    statement.executeUpdate("update " + table + " set deleted_at = null where deleted_at is not null");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the markers", e);
        }
        vacuum();
    }

    /**
     * Every row live, except the library's target trees, marked with one instant, each tree with its own
     * operation id, as one delete per parent would.
     */
    void resetTargetsDeleted() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from " + historyTable);
            for (Tables tables : List.of(soft, hibernate)) {
                for (String table : tables.all()) {
                    statement.executeUpdate("update " + table + " set deleted_at = null where deleted_at is not null");
                }
            }
            statement.executeUpdate("update " + soft.parent() + " set delete_operation = null");
            statement.executeUpdate("update " + soft.child() + " set delete_operation = null");
            statement.executeUpdate("update " + soft.grandchild() + " set delete_operation = null");
            long[] lastTargetId = {shape.parents(), shape.targetChildren(), shape.targetGrandchildren()};
            // each tree with the operation id its own delete would have written: the parent's id
            String[] operation = {"id", "parent_id", "(select c.parent_id from " + soft.child() + " c where c.id = child_id)"};
            for (int level = 0; level < 3; level++) {
                try (PreparedStatement mark = connection.prepareStatement("update " + soft.all().get(level)
                        + " set deleted_at = ?, delete_operation = " + operation[level] + " where id <= ?")) {
                    mark.setObject(1, DELETED_AT);
                    mark.setLong(2, lastTargetId[level]);
                    mark.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark the target trees", e);
        }
        vacuum();
    }

    // Each reset leaves a dead version of every row it wrote; vacuuming them away keeps the tables
    // the same size in every invocation instead of leaving it to autovacuum's timing.
    private void vacuum() {
        if (db.equals("postgresql")) {
            run("vacuum", soft.all());
            run("vacuum", hibernate.all());
        }
    }

    private void run(String command, List<String> tables) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute(command + " " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(command + " failed", e);
        }
    }

    // ~~~ checks ~~~

    /**
     * Fails unless every target row of {@code deleted} is marked, and no other row of either model is:
     * a benchmark whose cascade missed a level, or reached a bystander, must not report a figure.
     */
    void expectTargetsDeletedIn(Tables deleted) {
        if (deleted == null) {
            throw new IllegalStateException("the benchmark did not say which model it deleted");
        }
        long[] lastTargetId = {shape.parents(), shape.targetChildren(), shape.targetGrandchildren()};
        for (int level = 0; level < 3; level++) {
            String table = deleted.all().get(level);
            expect(table + ": live target rows", 0, count("select count(*) from " + table
                    + " where id <= " + lastTargetId[level] + " and deleted_at is null"));
            expect(table + ": marked bystander rows", 0, count("select count(*) from " + table
                    + " where id > " + lastTargetId[level] + " and deleted_at is not null"));
        }
        expectAllLive(deleted == soft ? hibernate : soft);
    }

    /** Fails unless no row of either model is marked. */
    void expectAllLive() {
        expectAllLive(soft);
        expectAllLive(hibernate);
    }

    private void expectAllLive(Tables tables) {
        for (String table : tables.all()) {
            expect(table + ": marked rows", 0, count("select count(*) from " + table + " where deleted_at is not null"));
        }
    }

    long count(String sql) {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    private static void expect(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    static OffsetDateTime now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        try {
            if (hibernateFactory != null) {
                hibernateFactory.close();
            }
            if (historyFactory != null) {
                historyFactory.close();
                run("drop table if exists", List.of(historyTable));
            }
            if (libraryFactory != null) {
                libraryFactory.close();
            }
        } finally {
            pool.close();
        }
    }
}
