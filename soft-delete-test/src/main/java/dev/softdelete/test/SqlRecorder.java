package dev.softdelete.test;

import dev.softdelete.test.internal.RecordingProxies;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Records every SQL statement that reaches the JDBC driver through a wrapped {@link DataSource}:
 * what Hibernate prepares, native SQL, and the JDBC of {@code session.doWork(...)}. A JDBC batch
 * counts once per entry.
 *
 * <pre>{@code
 * SqlRecorder sql = SqlRecorder.create();
 * settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, sql.wrap(dataSource));
 * ...
 * assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1);
 * }</pre>
 *
 * Thread-safe: statements of concurrent sessions are recorded in the order they ran.
 *
 * @since 0.1.0
 */
public final class SqlRecorder {

    private static final String[] DATASOURCE_KEYS = {
            "jakarta.persistence.nonJtaDataSource", "hibernate.connection.datasource",
            "javax.persistence.nonJtaDataSource"};

    private final List<RecordedStatement> statements = new ArrayList<>();

    private SqlRecorder() {
    }

    /**
     * Creates a recorder that records nothing until a data source it wrapped is used.
     *
     * @return a new recorder
     */
    public static SqlRecorder create() {
        return new SqlRecorder();
    }

    /**
     * Creates a recorder and puts it between Hibernate and the {@link DataSource} instance found in
     * the bootstrap settings ({@code jakarta.persistence.nonJtaDataSource} or
     * {@code hibernate.connection.datasource}).
     *
     * @param settings the settings the SessionFactory or EntityManagerFactory will be built from
     * @return the recorder
     * @throws IllegalArgumentException if the settings hold no {@code DataSource} instance
     */
    public static SqlRecorder attach(Map<String, Object> settings) {
        SqlRecorder recorder = create();
        for (String key : DATASOURCE_KEYS) {
            if (settings.get(key) instanceof DataSource dataSource) {
                settings.put(key, recorder.wrap(dataSource));
                return recorder;
            }
        }
        throw new IllegalArgumentException("SqlRecorder.attach needs a DataSource instance in the settings under "
                + String.join(" or ", DATASOURCE_KEYS) + "; wrap your DataSource with SqlRecorder.create().wrap(ds)");
    }

    /**
     * Wraps a data source so that every statement run on its connections is recorded here.
     *
     * @param dataSource the data source to wrap
     * @return the recording data source
     */
    public DataSource wrap(DataSource dataSource) {
        return RecordingProxies.dataSource(Objects.requireNonNull(dataSource, "dataSource"), this::record);
    }

    private void record(String sql) {
        RecordedStatement statement = RecordedStatement.of(sql);
        synchronized (statements) {
            statements.add(statement);
        }
    }

    /**
     * The statements recorded since creation or the last {@link #reset()}, in execution order.
     *
     * @return an immutable snapshot
     */
    public List<RecordedStatement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /**
     * Forgets what was recorded.
     */
    public void reset() {
        synchronized (statements) {
            statements.clear();
        }
    }

    /**
     * Counts the recorded statements of one kind.
     *
     * @param kind the kind
     * @return how many ran
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
     */
    public long count(StatementKind kind, String table) {
        String wanted = table.toLowerCase(Locale.ROOT);
        return statements().stream().filter(s -> s.kind() == kind && wanted.equals(s.table())).count();
    }

    /**
     * The recorded statements, one per line, for failure messages.
     *
     * @return a readable dump
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
