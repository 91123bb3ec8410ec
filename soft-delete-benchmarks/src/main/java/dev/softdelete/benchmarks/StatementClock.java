package dev.softdelete.benchmarks;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A DataSource below the purge's pool that timestamps the commits and counts the statements of one thread,
 * the purge's: each commit closes a batch, so the gaps between commits are the batch times, and the
 * statements between two commits are the batch's statements. Other threads pass through unrecorded.
 */
final class StatementClock implements DataSource {

    /** One committed transaction of the watched thread: when it ended and how many statements it prepared. */
    record Commit(long nanos, int statements) {
    }

    private final DataSource target;
    private final List<Commit> commits = new ArrayList<>();
    private volatile Thread watched;
    private int statementsSinceCommit;

    StatementClock(DataSource target) {
        this.target = target;
    }

    /** Records the calling thread from now on; forgets what was recorded before. */
    synchronized void watchCallingThread() {
        commits.clear();
        statementsSinceCommit = 0;
        watched = Thread.currentThread();
    }

    synchronized List<Commit> stop() {
        watched = null;
        return List.copyOf(commits);
    }

    private synchronized void statement() {
        statementsSinceCommit++;
    }

    private synchronized void commit() {
        commits.add(new Commit(System.nanoTime(), statementsSinceCommit));
        statementsSinceCommit = 0;
    }

    private Connection watch(Connection connection) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                boolean mine = Thread.currentThread() == watched;
                try {
                    Object result = method.invoke(connection, args);
                    if (mine && method.getName().startsWith("prepare")) {
                        statement();
                    }
                    if (mine && method.getName().equals("commit")) {
                        commit();
                    }
                    return result;
                }
                catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watch(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watch(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
