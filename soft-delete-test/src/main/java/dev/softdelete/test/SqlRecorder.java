package dev.softdelete.test;

import dev.softdelete.hibernate.SoftDeleteMetadata;
import dev.softdelete.hibernate.Visibility;
import dev.softdelete.test.internal.LeakHeuristic;
import dev.softdelete.test.internal.RecordingConnectionProvider;
import dev.softdelete.test.internal.RecordingProxies;
import dev.softdelete.test.internal.SoftDeleteTables;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.internal.DriverManagerConnectionProviderImpl;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Records every SQL statement that reaches the JDBC driver: what Hibernate prepares, native SQL,
 * {@code @Formula} subqueries and the JDBC of {@code session.doWork(...)}. A JDBC batch counts once
 * per entry. Optionally it also checks every SELECT for soft-delete leaks ({@link #detectLeaks}).
 *
 * <pre>{@code
 * SqlRecorder sql = SqlRecorder.attach(settings);   // wraps the DataSource, or the JDBC URL connections
 * SessionFactory sessionFactory = ...;               // built from those settings
 * sql.bind(sessionFactory);
 * ...
 * assertThat(sql).hasNoHardDeletesOn(Customer.class).hasUpdates("customer", 1);
 * }</pre>
 *
 * Thread-safe: statements of concurrent sessions are recorded in the order they ran.
 *
 * @since 0.1.0
 */
public final class SqlRecorder {

    private static final Logger LOG = Logger.getLogger(SqlRecorder.class);
    private static final String[] DATASOURCE_KEYS = {
            "jakarta.persistence.nonJtaDataSource", "hibernate.connection.datasource",
            "javax.persistence.nonJtaDataSource"};
    private static final String[] URL_KEYS = {
            "jakarta.persistence.jdbc.url", "hibernate.connection.url", "javax.persistence.jdbc.url"};
    private static final String CONNECTION_PROVIDER = "hibernate.connection.provider_class";

    private final List<RecordedStatement> statements = new ArrayList<>();
    private final List<SoftDeleteLeak> leaks = new ArrayList<>();
    private volatile SessionFactory sessionFactory;
    private volatile LeakHeuristic leakHeuristic;
    private volatile LeakMode leakMode;

    private SqlRecorder() {
    }

    /**
     * Creates a recorder that records nothing until a data source or connection it wrapped is used.
     *
     * @return a new recorder
     * @since 0.1.0
     */
    public static SqlRecorder create() {
        return new SqlRecorder();
    }

    /**
     * Creates a recorder and puts it between Hibernate and the database the bootstrap settings name:
     * a {@link DataSource} instance ({@code jakarta.persistence.nonJtaDataSource} or
     * {@code hibernate.connection.datasource}) is wrapped; a {@link ConnectionProvider} instance under
     * {@code hibernate.connection.provider_class} is wrapped; otherwise a JDBC URL
     * ({@code jakarta.persistence.jdbc.url} or {@code hibernate.connection.url}) gets a recording
     * provider over Hibernate's own driver-manager provider, configured from the same settings.
     *
     * @param settings the mutable settings the SessionFactory or EntityManagerFactory will be built from
     * @return the recorder
     * @throws IllegalArgumentException if the settings hold no {@code DataSource}, provider instance or JDBC URL
     * @since 0.1.0
     */
    @SuppressWarnings("removal") // Hibernate's built-in pool: see below
    public static SqlRecorder attach(Map<String, Object> settings) {
        SqlRecorder recorder = create();
        for (String key : DATASOURCE_KEYS) {
            if (settings.get(key) instanceof DataSource dataSource) {
                settings.put(key, recorder.wrap(dataSource));
                return recorder;
            }
        }
        if (settings.get(CONNECTION_PROVIDER) instanceof ConnectionProvider provider) {
            settings.put(CONNECTION_PROVIDER, new RecordingConnectionProvider(provider, recorder::record));
            return recorder;
        }
        for (String key : URL_KEYS) {
            if (settings.get(key) != null && settings.get(CONNECTION_PROVIDER) == null) {
                // Hibernate's built-in pool is deprecated for removal (it is for development); a user who
                // configured only a JDBC URL runs on it, so the kit records its connections while it exists
                settings.put(CONNECTION_PROVIDER,
                        new RecordingConnectionProvider(new DriverManagerConnectionProviderImpl(), recorder::record));
                return recorder;
            }
        }
        throw new IllegalArgumentException("SqlRecorder.attach needs a DataSource instance under "
                + String.join(" or ", DATASOURCE_KEYS) + ", a ConnectionProvider instance under " + CONNECTION_PROVIDER
                + ", or a JDBC URL under " + String.join(" or ", URL_KEYS)
                + " (without a provider class name); or wrap your DataSource with SqlRecorder.create().wrap(ds)");
    }

    /**
     * Wraps a data source so that every statement run on its connections is recorded here.
     *
     * @param dataSource the data source to wrap
     * @return the recording data source
     * @since 0.1.0
     */
    public DataSource wrap(DataSource dataSource) {
        return RecordingProxies.dataSource(Objects.requireNonNull(dataSource, "dataSource"), this::record);
    }

    /**
     * Wraps a Hibernate connection provider so that every statement run on its connections is
     * recorded here; register the result under {@code hibernate.connection.provider_class}.
     *
     * @param provider the provider to wrap; it is configured, started and stopped through the wrapper
     * @return the recording provider
     * @since 0.1.0
     */
    public ConnectionProvider wrap(ConnectionProvider provider) {
        return new RecordingConnectionProvider(Objects.requireNonNull(provider, "provider"), this::record);
    }

    /**
     * Tells the recorder which SessionFactory its statements come from, so that assertions can name
     * entities instead of tables ({@link SqlRecorderAssert#hasNoHardDeletesOn(Class)}).
     *
     * @param factory the SessionFactory built on the recording connections
     * @return this recorder
     * @since 0.1.0
     */
    public SqlRecorder bind(SessionFactory factory) {
        this.sessionFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * The SessionFactory given to {@link #bind} or {@link #detectLeaks}.
     *
     * @return the factory, or {@code null} if none was given
     * @since 0.1.0
     */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Turns on the leak detector: from now on every SELECT that reads a soft-deletable table of the
     * factory without the soft-delete predicate is a {@link SoftDeleteLeak}. The check is a
     * heuristic on the SQL text: each {@code from T a} or {@code join T a} of a soft-deletable table
     * must be matched by {@code a.<marker> is null} or {@code a.<marker> is not null} somewhere in the
     * statement. Inside {@code onlyDeleted()} the library writes {@code a.<marker> is not null}, and inside
     * {@code unfiltered()} {@code (a.<marker> is null or 1=1)}, so the queries, finds
     * and collection loads of a scope are no leak in any session, wherever it was opened (Spring, JPA).
     * Native SQL is the application's own: inside a scope too, it must state what it reads, or run in a
     * session opened by {@link #openSession}, whose statements inside a scope are exempt.
     *
     * @param factory the SessionFactory whose soft-deletable tables and marker columns are checked
     * @param mode    {@link LeakMode#COLLECT} for tests, {@link LeakMode#LOG} for a logging-only production check
     * @return this recorder
     * @since 0.1.0
     */
    public SqlRecorder detectLeaks(SessionFactory factory, LeakMode mode) {
        bind(factory);
        SoftDeleteTables tables = SoftDeleteTables.of(factory);
        this.leakHeuristic = new LeakHeuristic(tables.markerByTable(), tables.idByTable(), tables.linkTables());
        this.leakMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Opens a session whose statements show the leak detector when they run inside
     * {@code unfiltered()} or {@code onlyDeleted()}: a statement inspector, chained after the
     * factory's own, prefixes them with the comment <code>/&#42; softdelete:unfiltered &#42;/</code>. Only native
     * SQL needs it (the library's own statements carry their marker predicate in every scope): the JDBC
     * layer the recorder sits in cannot see the session. SQL a session runs through {@code doWork}
     * bypasses inspectors and is checked as if outside any scope.
     *
     * @param factory the SessionFactory to open the session from
     * @return a new session; the caller closes it
     * @since 0.1.0
     */
    public Session openSession(SessionFactory factory) {
        StatementInspector factoryInspector = factory.unwrap(SessionFactoryImplementor.class)
                .getSessionFactoryOptions().getStatementInspector();
        AtomicReference<Session> opened = new AtomicReference<>();
        UnaryOperator<String> marking = sql -> {
            String inspected = factoryInspector == null ? sql : factoryInspector.inspect(sql);
            return inScope(opened.get()) ? LeakHeuristic.SCOPE_COMMENT + " " + inspected : inspected;
        };
        Session session = factory.withOptions().statementInspector(marking).openSession();
        opened.set(session);
        return session;
    }

    private static boolean inScope(Session session) {
        return session != null && session.isOpen() && SoftDeleteMetadata.visibility(session) != Visibility.LIVE;
    }

    private void record(String sql) {
        RecordedStatement statement = RecordedStatement.of(sql);
        LeakHeuristic heuristic = leakHeuristic;
        boolean logOnly = leakMode == LeakMode.LOG;
        if (heuristic != null && statement.kind() == StatementKind.SELECT) {
            for (String table : heuristic.unguardedTables(sql)) {
                if (logOnly) {
                    LOG.warnf("softdelete leak: a SELECT reads soft-deletable table %s without its soft-delete"
                            + " predicate (outside unfiltered()): %s", table, sql);
                }
                else {
                    synchronized (statements) {
                        leaks.add(new SoftDeleteLeak(table, sql));
                    }
                }
            }
        }
        if (!logOnly) {
            synchronized (statements) {
                statements.add(statement);
            }
        }
    }

    /**
     * The statements recorded since creation or the last {@link #reset()}, in execution order.
     * Nothing is kept in {@link LeakMode#LOG}.
     *
     * @return an immutable snapshot
     * @since 0.1.0
     */
    public List<RecordedStatement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /**
     * The leaks found since creation or the last {@link #reset()}, when {@link #detectLeaks} is on in
     * {@link LeakMode#COLLECT}.
     *
     * @return an immutable snapshot, in execution order
     * @since 0.1.0
     */
    public List<SoftDeleteLeak> leaks() {
        synchronized (statements) {
            return List.copyOf(leaks);
        }
    }

    /**
     * Forgets the recorded statements and leaks.
     *
     * @since 0.1.0
     */
    public void reset() {
        synchronized (statements) {
            statements.clear();
            leaks.clear();
        }
    }

    /**
     * Counts the recorded statements of one kind.
     *
     * @param kind the kind
     * @return how many ran
     * @since 0.1.0
     */
    public long count(StatementKind kind) {
        return statements().stream().filter(s -> s.kind() == kind).count();
    }

    /**
     * Counts the recorded statements of one kind on one table.
     *
     * @param kind  the kind
     * @param table the table name, in any case
     * @return how many ran
     * @since 0.1.0
     */
    public long count(StatementKind kind, String table) {
        String wanted = SoftDeleteTables.key(table);
        return statements().stream().filter(s -> s.kind() == kind && wanted.equals(s.table())).count();
    }

    /**
     * The recorded statements, one per line, for failure messages.
     *
     * @return a readable dump
     * @since 0.1.0
     */
    public String dump() {
        StringBuilder dump = new StringBuilder();
        List<RecordedStatement> recorded = statements();
        for (int i = 0; i < recorded.size(); i++) {
            dump.append(String.format(Locale.ROOT, "%n  %2d. [%s] %s", i + 1, recorded.get(i).kind(), recorded.get(i).sql()));
        }
        return recorded.isEmpty() ? " (none)" : dump.toString();
    }
}
