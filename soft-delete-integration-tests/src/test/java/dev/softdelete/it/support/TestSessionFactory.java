package dev.softdelete.it.support;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.test.SqlRecorder;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JUnit 5 extension that builds one SessionFactory per test class on the {@link TestDatabase},
 * with a {@link SqlRecorder} below Hibernate; empties the tables and the recorder after each test.
 * <pre>{@code
 * @RegisterExtension
 * static final TestSessionFactory db = TestSessionFactory.of(Customer.class).with(SoftDeleteSettings.CLOCK, clock);
 * }</pre>
 */
public final class TestSessionFactory implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<Class<?>> entities;
    private final Map<String, Object> settings = new HashMap<>();
    private final SqlRecorder sql = SqlRecorder.create();
    private DataSource rawDataSource;
    private SessionFactory sessionFactory;

    private TestSessionFactory(List<Class<?>> entities) {
        this.entities = entities;
    }

    public static TestSessionFactory of(Class<?>... entities) {
        return new TestSessionFactory(List.of(entities));
    }

    public TestSessionFactory with(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /** Builds a SessionFactory for the given entities and settings; the caller closes it. */
    public static SessionFactory build(DataSource dataSource, Map<String, Object> settings, List<Class<?>> entities) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(AvailableSettings.DATASOURCE, dataSource);
        all.putIfAbsent(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        all.putIfAbsent(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        }
        catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        rawDataSource = TestDatabase.current().dataSource();
        sessionFactory = build(sql.wrap(rawDataSource), settings, entities);
        // bound, so that assertThat(db.sql()).hasNoHardDeletesOn(Customer.class) finds the table
        sql.bind(sessionFactory);
        sql.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sessionFactory.getSchemaManager().truncateMappedObjects();
        sql.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public SqlRecorder sql() {
        return sql;
    }

    public void inTransaction(Consumer<SoftDeleteSession> work) {
        sessionFactory.inTransaction(session -> work.accept(SoftDeleteSession.wrap(session)));
    }

    public <T> T fromTransaction(Function<SoftDeleteSession, T> work) {
        return sessionFactory.fromTransaction(session -> work.apply(SoftDeleteSession.wrap(session)));
    }

    /** Runs the work and returns what it recorded; the recorder is reset first. */
    public SqlRecorder record(Runnable work) {
        sql.reset();
        work.run();
        return sql;
    }

    /** Reads rows straight from the table, below Hibernate and every scope; column names in lower case. */
    public List<Map<String, Object>> rows(String sqlText, Object... parameters) {
        try (Connection connection = rawDataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sqlText)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData meta = resultSet.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (resultSet.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), resultSet.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not run " + sqlText, e);
        }
    }

    /** Changes rows straight in the table, below Hibernate (as a migration or another application would). */
    public int update(String sqlText, Object... parameters) {
        try (Connection connection = rawDataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sqlText)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not run " + sqlText, e);
        }
    }

    /** One row by id, read from the table; null if there is none. */
    public Map<String, Object> row(String table, Object id) {
        List<Map<String, Object>> rows = rows("select * from " + table + " where id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The number of rows in a table, whatever their state. */
    public long countRows(String table) {
        return ((Number) rows("select count(*) as n from " + table).get(0).get("n")).longValue();
    }
}
