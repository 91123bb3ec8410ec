package dev.softdelete.test.internal;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;
import org.hibernate.service.UnknownUnwrapTypeException;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Startable;
import org.hibernate.service.spi.Stoppable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A ConnectionProvider that hands out recording connections of another provider and forwards the
 * service life cycle (registry, configuration, start, stop) to it, so that Hibernate configures the
 * delegate from the JDBC URL settings as if it had chosen it itself.
 */
public final class RecordingConnectionProvider
        implements ConnectionProvider, Configurable, ServiceRegistryAwareService, Startable, Stoppable {

    private final ConnectionProvider delegate;
    private final Consumer<String> sink;
    private final Map<Connection, Connection> targets = new IdentityHashMap<>();

    public RecordingConnectionProvider(ConnectionProvider delegate, Consumer<String> sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return record(delegate.getConnection());
    }

    @Override
    public Connection getReadOnlyConnection() throws SQLException {
        return record(delegate.getReadOnlyConnection());
    }

    private Connection record(Connection target) {
        Connection recording = RecordingProxies.connection(target, sink);
        synchronized (targets) {
            targets.put(recording, target);
        }
        return recording;
    }

    // the delegate pools its own connections: it must get them back, not our proxies
    private Connection release(Connection connection) {
        synchronized (targets) {
            Connection target = targets.remove(connection);
            return target == null ? connection : target;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        delegate.closeConnection(release(connection));
    }

    @Override
    public void closeReadOnlyConnection(Connection connection) throws SQLException {
        delegate.closeReadOnlyConnection(release(connection));
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return delegate.supportsAggressiveRelease();
    }

    @Override
    public boolean handlesConnectionSchema() {
        return delegate.handlesConnectionSchema();
    }

    @Override
    public boolean handlesConnectionReadOnly() {
        return delegate.handlesConnectionReadOnly();
    }

    @Override
    public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect) {
        return delegate.getDatabaseConnectionInfo(dialect);
    }

    @Override
    public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect, ExtractedDatabaseMetaData metaData) {
        return delegate.getDatabaseConnectionInfo(dialect, metaData);
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this) || delegate.isUnwrappableAs(unwrapType);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        if (unwrapType.isInstance(this)) {
            return unwrapType.cast(this);
        }
        if (delegate.isUnwrappableAs(unwrapType)) {
            return delegate.unwrap(unwrapType);
        }
        throw new UnknownUnwrapTypeException(unwrapType);
    }

    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        if (delegate instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(serviceRegistry);
        }
    }

    @Override
    public void configure(Map<String, Object> configurationValues) {
        if (delegate instanceof Configurable configurable) {
            configurable.configure(configurationValues);
        }
    }

    @Override
    public void start() {
        if (delegate instanceof Startable startable) {
            startable.start();
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }
}
