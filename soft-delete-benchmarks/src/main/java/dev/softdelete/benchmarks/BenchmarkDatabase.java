package dev.softdelete.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.model.PlainCustomer;
import dev.softdelete.benchmarks.model.PlainOrder;
import dev.softdelete.benchmarks.model.SoftCustomer;
import dev.softdelete.benchmarks.model.SoftOrder;
import dev.softdelete.hibernate.SoftDeleteSession;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.LongStream;

/**
 * One session factory over both model pairs, filled with the same data twice: 1000 customers,
 * every tenth deleted, and three orders each, of which one is deleted. The soft pair is deleted
 * through the library (bulk {@code delete}, which it turns into a marker update); the plain pair
 * gets the same {@code deleted_at} values by a plain update, so both tables hold identical rows.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final int CUSTOMERS = 1000;
    static final int ORDERS_PER_CUSTOMER = 3;

    // On PostgreSQL the tables live in their own schema, so that a run never touches the
    // integration tests' tables in the shared database. H2 is a private in-memory database.
    private static final String SCHEMA = "softdelete_bench";

    // Hibernate logs through java.util.logging here; the logger is held so the level sticks.
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private final SessionFactory factory;

    private BenchmarkDatabase(SessionFactory factory) {
        this.factory = factory;
    }

    static BenchmarkDatabase create(String db) {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        DataSource dataSource = dataSource(db);
        String schema = null;
        if (db.equals("postgresql")) {
            createSchema(dataSource, SCHEMA);
            schema = SCHEMA;
        }
        SessionFactory factory = factory(dataSource, schema, Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, 50,
                AvailableSettings.ORDER_INSERTS, true), SoftCustomer.class, SoftOrder.class, PlainCustomer.class,
                PlainOrder.class);
        BenchmarkDatabase database = new BenchmarkDatabase(factory);
        try {
            database.fill();
            database.check();
        } catch (RuntimeException | Error e) {
            factory.close();
            throw e;
        }
        return database;
    }

    /** A connection per call, no pool: {@code h2} (in-memory, private to the JVM), {@code postgresql} or {@code mariadb}. */
    /**
     * A factory of the benchmarks: tables created on start and dropped on close, in {@code schema}
     * (null: the default one), names in snake case, and the given settings on top.
     */
    static SessionFactory factory(DataSource dataSource, String schema, Map<String, Object> overrides,
            Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DATASOURCE, dataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        if (schema != null) {
            settings.put(AvailableSettings.DEFAULT_SCHEMA, schema);
        }
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        settings.putAll(overrides);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            return new MetadataSources(registry).addAnnotatedClasses(entities).buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * A pool of {@code size} connections over {@code dataSource}: the factories and the JDBC baselines
     * take a pooled connection per invocation, as an application would; without a pool, PostgreSQL's
     * connection set-up would be most of a figure.
     */
    static HikariDataSource pool(DataSource dataSource, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    static DataSource dataSource(String db) {
        switch (db) {
            case "h2" -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:softdelete_bench;DB_CLOSE_DELAY=-1");
                h2.setUser("sa");
                h2.setPassword("");
                return h2;
            }
            case "postgresql" -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(System.getProperty("softdelete.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"));
                pg.setUser(System.getProperty("softdelete.bench.pg.user", "postgres"));
                pg.setPassword(System.getProperty("softdelete.bench.pg.password", ""));
                return pg;
            }
            case "mariadb" -> {
                // tables of the benchmark's own names in the shared database (MariaDB's schemas are databases)
                try {
                    MariaDbDataSource mariadb = new MariaDbDataSource(
                            System.getProperty("softdelete.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"));
                    mariadb.setUser(System.getProperty("softdelete.bench.mariadb.user", "root"));
                    mariadb.setPassword(System.getProperty("softdelete.bench.mariadb.password", ""));
                    return mariadb;
                }
                catch (SQLException e) {
                    throw new IllegalArgumentException("softdelete.bench.mariadb.url is not a MariaDB URL", e);
                }
            }
            default -> throw new IllegalArgumentException("db must be h2, postgresql or mariadb, got '" + db + "'");
        }
    }

    static void createSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
    }

    static String email(long customerId) {
        return "customer-" + customerId + "@example.com";
    }

    static boolean isDeletedCustomer(long customerId) {
        return customerId % 10 == 0;
    }

    SessionFactory factory() {
        return factory;
    }

    long[] liveCustomerIds() {
        return LongStream.rangeClosed(1, CUSTOMERS).filter(id -> !isDeletedCustomer(id)).toArray();
    }

    private void fill() {
        factory.inTransaction(session -> {
            long orderId = 0;
            for (long id = 1; id <= CUSTOMERS; id++) {
                SoftCustomer soft = new SoftCustomer(id, email(id), "Customer " + id);
                PlainCustomer plain = new PlainCustomer(id, email(id), "Customer " + id);
                session.persist(soft);
                session.persist(plain);
                for (int n = 1; n <= ORDERS_PER_CUSTOMER; n++) {
                    orderId++;
                    session.persist(soft.order(orderId, "item " + n, 100L * n));
                    session.persist(plain.order(orderId, "item " + n, 100L * n));
                }
                if (id % 100 == 0) {
                    session.flush();
                    session.clear();
                }
            }
        });
        // Order ids run 3i-2, 3i-1, 3i for customer i, so "id divisible by 3" is one order per customer.
        Instant deletedAt = Instant.parse("2026-01-01T00:00:00Z");
        factory.inTransaction(session -> {
            int customers = session.createMutationQuery("delete from SoftCustomer c where mod(c.id, 10) = 0").executeUpdate();
            int orders = session.createMutationQuery("delete from SoftOrder o where mod(o.id, 3) = 0").executeUpdate();
            expect("soft customers marked", 100, customers);
            expect("soft orders marked", CUSTOMERS, orders);
            session.createMutationQuery("update PlainCustomer c set c.deletedAt = :t where mod(c.id, 10) = 0")
                    .setParameter("t", deletedAt).executeUpdate();
            session.createMutationQuery("update PlainOrder o set o.deletedAt = :t where mod(o.id, 3) = 0")
                    .setParameter("t", deletedAt).executeUpdate();
        });
    }

    // A benchmark of a restriction that is not applied would measure nothing: fail the trial instead.
    private void check() {
        factory.inTransaction(session -> {
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            expect("live soft customers", 900, count(s, "select count(c) from SoftCustomer c"));
            expect("all soft customers", CUSTOMERS, s.unfiltered(() -> count(s, "select count(c) from SoftCustomer c")));
            expect("plain customers", CUSTOMERS, count(s, "select count(c) from PlainCustomer c"));
            expect("soft orders of a live customer", 2, s.find(SoftCustomer.class, 1L).getOrders().size());
            s.clear();
            expect("all soft orders of a live customer", 3,
                    s.unfiltered(() -> ordersOf(s.find(SoftCustomer.class, 1L))));
            s.clear();
            expect("plain orders", 3, s.find(PlainCustomer.class, 1L).getOrders().size());
            expect("deleted soft customers found", 0, s.find(SoftCustomer.class, 10L) == null ? 0 : 1);
        });
    }

    private static int ordersOf(SoftCustomer customer) {
        Hibernate.initialize(customer.getOrders());
        return customer.getOrders().size();
    }

    private static int count(SoftDeleteSession session, String hql) {
        return session.createSelectionQuery(hql, Long.class).getSingleResult().intValue();
    }

    private static void expect(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
