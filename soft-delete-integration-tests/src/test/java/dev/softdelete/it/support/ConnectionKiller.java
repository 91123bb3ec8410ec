package dev.softdelete.it.support;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A data source whose connections the database server kills on cue: when a connection is about to
 * prepare the n-th statement containing a given text, another connection terminates it on the server
 * (PostgreSQL {@code pg_terminate_backend}, MariaDB {@code KILL}), as a failover, an operator or a
 * network cut would. The statement then fails as it would in production.
 */
public final class ConnectionKiller {

    private final TestDatabase database;
    private final DataSource raw;
    private volatile String trigger;
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger kills = new AtomicInteger();

    public ConnectionKiller(TestDatabase database, DataSource raw) {
        if (database == TestDatabase.H2) {
            throw new IllegalArgumentException("an in-memory H2 has no server that could kill a connection");
        }
        this.database = database;
        this.raw = raw;
    }

    /** Kills the connection that prepares the {@code occurrence}-th statement (from 1) containing {@code sqlText}. */
    public void killAt(String sqlText, int occurrence) {
        remaining.set(occurrence);
        trigger = sqlText.toLowerCase(Locale.ROOT);
    }

    /** How many connections were killed. */
    public int kills() {
        return kills.get();
    }

    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(raw, method, args);
                    return result instanceof Connection connection ? watched(connection) : result;
                });
    }

    private Connection watched(Connection connection) throws SQLException {
        long serverId = serverId(connection);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args.length > 0
                    && args[0] instanceof String sql && due(sql)) {
                kill(serverId);
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private boolean due(String sql) {
        String armed = trigger;
        if (armed == null || !sql.toLowerCase(Locale.ROOT).contains(armed)) {
            return false;
        }
        if (remaining.decrementAndGet() == 0) {
            trigger = null;
            return true;
        }
        return false;
    }

    private long serverId(Connection connection) throws SQLException {
        String query = database == TestDatabase.POSTGRESQL ? "select pg_backend_pid()" : "select connection_id()";
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private void kill(long serverId) throws SQLException {
        try (Connection admin = raw.getConnection()) {
            if (database == TestDatabase.POSTGRESQL) {
                try (PreparedStatement statement = admin.prepareStatement("select pg_terminate_backend(?)")) {
                    statement.setInt(1, (int) serverId);
                    statement.executeQuery().close();
                }
                awaitGone(admin, serverId);
            }
            else {
                // KILL takes no bind parameter; the id is a number this class read from the server
                try (PreparedStatement statement = admin.prepareStatement("kill connection " + serverId)) {
                    statement.execute();
                }
            }
        }
        kills.incrementAndGet();
    }

    /** The backend ends asynchronously; the statement must not slip in before it has. */
    private static void awaitGone(Connection admin, long serverId) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
            statement.setInt(1, (int) serverId);
            for (int attempt = 0; attempt < 200; attempt++) {
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return;
                    }
                }
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("backend " + serverId + " still there 2 s after pg_terminate_backend");
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
