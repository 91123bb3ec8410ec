package dev.softdelete.test.internal;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JDK proxies around a DataSource, its connections and statements that report each executed SQL
 * text, once per execution and once per batch entry.
 */
public final class RecordingProxies {

    private RecordingProxies() {
    }

    /** A data source whose connections report every executed statement to the sink. */
    public static DataSource dataSource(DataSource target, Consumer<String> sink) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection, sink) : result;
        });
    }

    /** A connection that reports every executed statement to the sink. */
    public static Connection connection(Connection target, Consumer<String> sink) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement statement) {
                return statement(CallableStatement.class, statement, (String) args[0], sink);
            }
            if (result instanceof PreparedStatement statement && name.startsWith("prepare")) {
                return statement(PreparedStatement.class, statement, (String) args[0], sink);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, null, sink);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S target, String preparedSql, Consumer<String> sink) {
        List<String> batch = new ArrayList<>();
        return proxy(type, target, (method, args) -> {
            String name = method.getName();
            boolean hasSql = args != null && args.length > 0 && args[0] instanceof String;
            switch (name) {
                case "addBatch" -> batch.add(hasSql ? (String) args[0] : preparedSql);
                case "clearBatch" -> batch.clear();
                case "executeBatch", "executeLargeBatch" -> {
                    batch.forEach(sink);
                    batch.clear();
                }
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" ->
                        sink.accept(hasSql ? (String) args[0] : preparedSql);
                default -> { }
            }
            return invoke(target, method, args);
        });
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocationHandler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(proxy)) {
                return proxy;
            }
            return handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(RecordingProxies.class.getClassLoader(), new Class<?>[] {type},
                invocationHandler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
