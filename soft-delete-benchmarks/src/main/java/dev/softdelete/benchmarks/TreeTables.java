package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.tree.TreeNode;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two self-referencing trees of {@link TreeNode}s, {@code depth} levels below a root, {@code width}
 * nodes on each level: node {@code i} of a level is the child of node {@code i} of the level above, so
 * a tree is {@code width} chains under one root. The first tree is the target, the second a bystander
 * that no operation may touch. Ids: tree {@code t}'s root is {@code t · SPAN}, node {@code i} of level
 * {@code d} is {@code t · SPAN + (d − 1) · width + i + 1}.
 */
final class TreeTables implements AutoCloseable {

    static final long TARGET = 0;
    private static final long BYSTANDER = 1;
    private static final long SPAN = 10_000_000L;
    private static final String SCHEMA = "softdelete_tree_bench";

    private final String db;
    private final int depth;
    private final int width;
    private final HikariDataSource pool;
    private final SessionFactory factory;
    private final String table;

    private TreeTables(String db, int depth, int width, HikariDataSource pool, SessionFactory factory) {
        this.db = db;
        this.depth = depth;
        this.width = width;
        this.pool = pool;
        this.factory = factory;
        this.table = db.equals("postgresql") ? SCHEMA + ".tree_node" : "tree_node";
    }

    /** {@code shape} reads {@code DEPTHxWIDTH}, e.g. {@code 40x10}. */
    static TreeTables create(String db, String shape) {
        String[] parts = shape.split("x");
        HikariDataSource pool = BenchmarkDatabase.pool(BenchmarkDatabase.dataSource(db), 2, "tree-bench");
        if (db.equals("postgresql")) {
            BenchmarkDatabase.createSchema(pool, SCHEMA);
        }
        SessionFactory factory = BenchmarkDatabase.factory(pool, db.equals("postgresql") ? SCHEMA : null, Map.of(),
                TreeNode.class);
        TreeTables tables = new TreeTables(db, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), pool, factory);
        tables.fill(TARGET);
        tables.fill(BYSTANDER);
        tables.run("analyze" + (db.equals("mariadb") ? " table " : " ") + (db.equals("h2") ? "" : tables.table));
        return tables;
    }

    SessionFactory factory() {
        return factory;
    }

    String table() {
        return table;
    }

    static long root(long tree) {
        return tree * SPAN;
    }

    long rowsPerTree() {
        return 1 + (long) depth * width;
    }

    private void fill(long tree) {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into " + table + " (id, parent_id) values (?, ?)")) {
            connection.setAutoCommit(false);
            insert.setLong(1, root(tree));
            insert.setNull(2, Types.BIGINT);
            insert.executeUpdate();
            for (int level = 1; level <= depth; level++) {
                for (int i = 0; i < width; i++) {
                    insert.setLong(1, node(tree, level, i));
                    insert.setLong(2, level == 1 ? root(tree) : node(tree, level - 1, i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot fill tree " + tree, e);
        }
    }

    private long node(long tree, int level, int i) {
        return tree * SPAN + (long) (level - 1) * width + i + 1;
    }

    /** Every row live, as no operation had run. */
    void resetAllLive() {
        run("update " + table + " set deleted_at = null, delete_operation = null where deleted_at is not null"
                + " or delete_operation is not null");
        if (db.equals("postgresql")) {
            run("vacuum " + table);
        }
    }

    /** Fails the trial unless the target tree is wholly deleted ({@code deleted}) or live, and the bystander live. */
    void expect(boolean deleted) {
        long targetDeleted = count("deleted_at is not null and id < " + SPAN);
        long bystandersDeleted = count("deleted_at is not null and id >= " + SPAN);
        if (targetDeleted != (deleted ? rowsPerTree() : 0) || bystandersDeleted != 0) {
            throw new IllegalStateException("expected the target tree " + (deleted ? "deleted" : "live") + " ("
                    + rowsPerTree() + " rows) and the bystander live; found " + targetDeleted + " target and "
                    + bystandersDeleted + " bystander rows deleted");
        }
    }

    private long count(String condition) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table + " where " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The floor: one statement that marks ({@code delete}: the instant and an operation id, as the
     * library writes them) or clears the markers of the whole target tree through a recursive query,
     * as written by hand for each database; committed.
     */
    void recursiveUpdate(boolean delete) throws SQLException {
        String subtree = "with recursive sd_tree(id) as (select id from " + table + " where id = ? union all select t.id from "
                + table + " t join sd_tree on t.parent_id = sd_tree.id)";
        String condition = delete ? "deleted_at is null" : "deleted_at is not null";
        String sql = switch (db) {
            case "postgresql" -> subtree + " update " + table + " set " + assignments(delete, "") + " from sd_tree where "
                    + table + ".id = sd_tree.id and " + table + "." + condition;
            case "mariadb" -> "update " + table + " join (" + subtree + " select id from sd_tree) s on " + table
                    + ".id = s.id set " + assignments(delete, table + ".") + " where " + table + "." + condition;
            // H2 takes WITH only before a query, and runs an IN (recursive query) again for every row
            // (53 s for 8,001 rows), so there the subtree is a MERGE's source
            default -> "merge into " + table + " using (" + subtree + " select id from sd_tree) s on (" + table
                    + ".id = s.id) when matched and " + table + "." + condition + " then update set "
                    + assignments(delete, "");
        };
        try (Connection connection = pool.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            update.setLong(1, root(TARGET));
            if (delete) {
                update.setObject(2, OffsetDateTime.now());
                update.setLong(3, ThreadLocalRandom.current().nextLong());
            }
            update.executeUpdate();
            connection.commit();
        }
    }

    private static String assignments(boolean delete, String prefix) {
        return prefix + "deleted_at = " + (delete ? "?" : "null") + ", " + prefix + "delete_operation = "
                + (delete ? "?" : "null");
    }

    private void run(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            factory.close();
        }
        finally {
            pool.close();
        }
    }
}
