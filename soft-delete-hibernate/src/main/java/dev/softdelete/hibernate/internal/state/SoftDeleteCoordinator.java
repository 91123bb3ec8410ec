package dev.softdelete.hibernate.internal.state;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.session.SessionState;
import dev.softdelete.hibernate.internal.session.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.session.SessionState.RowKey;
import org.hibernate.StaleObjectStateException;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.DeleteCoordinator;
import org.hibernate.sql.model.MutationOperationGroup;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Turns the delete of a soft-deletable entity into one marker UPDATE, for every path that reaches
 * the persister: {@code remove()}, orphan removal, cascades and {@code StatelessSession.delete()}.
 * A row the application asked to hard-delete goes to Hibernate's own coordinator.
 */
final class SoftDeleteCoordinator implements DeleteCoordinator {

    private static final Logger LOG = Logger.getLogger(SoftDeleteCoordinator.class);

    private final EntityPersister persister;
    private final DeleteCoordinator hardDelete;
    private volatile MarkerUpdate markerUpdate;

    SoftDeleteCoordinator(EntityPersister persister, DeleteCoordinator hardDelete) {
        this.persister = persister;
        this.hardDelete = hardDelete;
    }

    @Override
    public MutationOperationGroup getStaticMutationOperationGroup() {
        return hardDelete.getStaticMutationOperationGroup();
    }

    @Override
    public void delete(Object entity, Object id, Object version, SharedSessionContractImplementor session) {
        SoftDeleteService service = session.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        SessionState state = service.stateOf(session);
        RowKey row = new RowKey(persister.getRootEntityName(), id);
        if (state.takeHardDelete(row)) {
            LOG.tracef("hard delete of %s requested through hardDelete()", persister.getEntityName());
            hardDelete.delete(entity, id, version, session);
            return;
        }
        MarkerUpdate update = markerUpdate(service);
        DeleteRequest request = state.takeRequest(row);
        if (request == null) {
            // StatelessSession.delete() and unloaded proxies fire no DELETE event: the request is now
            request = new DeleteRequest(service.currentActor(), state.currentReason());
        }
        Instant instant;
        if (session.isStateless()) {
            state.endStatelessDelete();
            instant = service.now();
        }
        else {
            instant = state.flushInstant(service::now);
        }
        Object newVersion = version == null ? null : Versioning.increment(version, persister.getVersionMapping(), session);
        Object marker = update.columns().markerValue(instant);

        int rows = execute(update, marker, request, id, version, newVersion, session);
        if (rows == 0) {
            throw new StaleObjectStateException(persister.getEntityName(), id);
        }
        if (entity != null) {
            setInMemory(update, entity, marker, request, newVersion);
        }
    }

    private MarkerUpdate markerUpdate(SoftDeleteService service) {
        MarkerUpdate update = markerUpdate;
        if (update == null) {
            SoftDeletableType type = service.typeOf(persister.getEntityName());
            update = new MarkerUpdate(persister, MarkerColumns.of(persister, type));
            markerUpdate = update;
        }
        return update;
    }

    private int execute(MarkerUpdate update, Object marker, DeleteRequest request, Object id, Object version,
            Object newVersion, SharedSessionContractImplementor session) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        // statements Hibernate has batched must reach the database before ours, in flush order
        jdbc.executeBatch();
        String sql = update.sql(version != null);
        PreparedStatement statement = jdbc.getMutationStatementPreparer().prepareStatement(sql, false);
        try {
            Binder binder = new Binder(statement, session);
            MarkerColumns columns = update.columns();
            binder.bind(columns.marker(), marker);
            if (columns.actor() != null) {
                binder.bind(columns.actor(), request.actor());
            }
            if (columns.reason() != null) {
                binder.bind(columns.reason(), request.reason());
            }
            if (version != null) {
                binder.bind(persister.getVersionMapping(), newVersion);
            }
            binder.bind(persister.getIdentifierMapping(), id);
            if (version != null) {
                binder.bind(persister.getVersionMapping(), version);
            }
            return jdbc.getResultSetReturn().executeUpdate(statement, sql);
        }
        finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    private void setInMemory(MarkerUpdate update, Object entity, Object marker, DeleteRequest request, Object newVersion) {
        MarkerColumns columns = update.columns();
        set(columns.marker(), entity, marker);
        if (columns.actor() != null) {
            set(columns.actor(), entity, request.actor());
        }
        if (columns.reason() != null) {
            set(columns.reason(), entity, request.reason());
        }
        EntityVersionMapping versionMapping = persister.getVersionMapping();
        if (newVersion != null) {
            set(versionMapping.getVersionAttribute(), entity, newVersion);
        }
    }

    private static void set(ModelPart attribute, Object entity, Object value) {
        attribute.asAttributeMapping().getPropertyAccess().getSetter().set(entity, value);
    }

    /** Binds domain values, broken down to their JDBC values, at consecutive positions. */
    private static final class Binder {
        private final PreparedStatement statement;
        private final SharedSessionContractImplementor session;
        private int position = 1;

        Binder(PreparedStatement statement, SharedSessionContractImplementor session) {
            this.statement = statement;
            this.session = session;
        }

        void bind(ModelPart part, Object value) {
            part.breakDownJdbcValues(value, (index, jdbcValue, selectable) -> {
                try {
                    selectable.getJdbcMapping().getJdbcValueBinder().bind(statement, jdbcValue, position++, session);
                }
                catch (SQLException e) {
                    throw session.getJdbcServices().getSqlExceptionHelper()
                            .convert(e, "could not bind soft-delete parameter");
                }
            }, session);
        }
    }
}
