package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.DeleteDeniedException;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.Impact.Refusal;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.impact.DeleteImpact;
import dev.softdelete.hibernate.internal.cascade.MarkerAssignment;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import dev.softdelete.hibernate.internal.compat.Versions;
import org.hibernate.StaleObjectStateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.DeleteCoordinator;
import org.hibernate.sql.model.MutationOperationGroup;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns the delete of a soft-deletable entity into one marker UPDATE, for every path that reaches
 * the persister: {@code remove()}, orphan removal, cascades and {@code StatelessSession.delete()};
 * then soft-deletes what its REMOVE cascades reach, set-based. Where an {@code @OnSoftDelete(DENY)}
 * association lies on the row or on the cascade's paths, the delete is checked first and refused
 * before anything is written. A row the application asked to hard-delete goes to Hibernate's own coordinator.
 */
public final class SoftDeleteCoordinator implements DeleteCoordinator {

    private static final Logger LOG = Logger.getLogger(SoftDeleteCoordinator.class);

    private final EntityPersister persister;
    private final DeleteCoordinator hardDelete;
    private volatile MarkerUpdate markerUpdate;

    public SoftDeleteCoordinator(EntityPersister persister, DeleteCoordinator hardDelete) {
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
            if (service.history().enabled()) {
                // a row Hibernate's own cascade erases, one by one, where SQL cannot follow the cascade
                HistoryLog.record(session, service, new OperationHistory(ThreadLocalRandom.current().nextLong(),
                        service.now(), service.currentActor(), null).root(HistoryEntry.Kind.HARD_DELETE, persister, id, 1)
                        .entries());
            }
            return;
        }
        MarkerUpdate update = markerUpdate(service);
        DeleteRequest request = state.takeRequest(row);
        if (request == null) {
            // StatelessSession.delete() and unloaded proxies fire no DELETE event: the request is now
            request = DeleteRequest.of(service.currentActor(), state.currentReason());
        }
        Instant instant;
        if (session.isStateless()) {
            state.endStatelessDelete();
            instant = service.now();
        }
        else {
            instant = state.flushInstant(service::now);
        }
        checkPolicies(service, id, session);
        Object newVersion = version == null ? null : Versions.increment(version, persister.getVersionMapping(), session);
        Object marker = update.columns().markerValue(instant);

        String sql = update.sql(version != null);
        Binds binds = binds(update.columns(), marker, request, id, version, newVersion, session);
        LoadedStateCheck.Restriction loadedState = LoadedStateCheck.of(persister, update.columns(), entity, session);
        if (loadedState != null) {
            sql = sql + " and " + loadedState.sql();
            binds.addAll(loadedState.binds());
        }
        int rows = Mutations.executeUpdate(session, sql, binds);
        if (rows == 0) {
            throw new StaleObjectStateException(persister.getEntityName(), id);
        }
        if (entity != null) {
            setInMemory(update.columns(), entity, marker, request, newVersion);
        }
        CacheCleanup.afterMarkerChange(session, persister);
        // a stateful delete's action invalidates the cached queries over the table; a stateless one does not
        CacheCleanup.invalidateQueriesOfStatelessWrite(session, persister);
        OperationHistory history = service.history().enabled()
                ? new OperationHistory(request.operation(), instant, request.actor(), request.reason())
                        .root(HistoryEntry.Kind.DELETE, persister, id, 1)
                : null;
        if (!session.isStateless()) {
            // a StatelessSession never cascades, as in Hibernate
            new CascadeRunner(session, service).recordingInto(history).softDelete(persister, id, instant, request);
        }
        if (history != null) {
            HistoryLog.record(session, service, history.entries());
        }
    }

    /** Refuses the delete, before it writes, where an {@code @OnSoftDelete(DENY)} association leads to live rows. */
    private void checkPolicies(SoftDeleteService service, Object id, SharedSessionContractImplementor session) {
        if (!service.cascadePlans().mayDeny(persister)) {
            return;
        }
        Refusal refusal = new DeleteImpact(session, service).firstRefusal(
                Level.root(persister, new Binds().add(persister.getIdentifierMapping(), id, session)),
                !session.isStateless());
        if (refusal != null) {
            throw new DeleteDeniedException(persister.getEntityName() + "#" + id, refusal);
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

    private Binds binds(MarkerColumns columns, Object marker, DeleteRequest request, Object id, Object version,
            Object newVersion, SharedSessionContractImplementor session) {
        Binds binds = MarkerAssignment.bind(new Binds(), columns, marker, request, session);
        if (version != null) {
            binds.add(persister.getVersionMapping(), newVersion, session);
        }
        binds.add(persister.getIdentifierMapping(), id, session);
        if (version != null) {
            binds.add(persister.getVersionMapping(), version, session);
        }
        return binds;
    }

    private void setInMemory(MarkerColumns columns, Object entity, Object marker, DeleteRequest request, Object newVersion) {
        set(columns.marker(), entity, marker);
        if (columns.actor() != null) {
            set(columns.actor(), entity, request.actor());
        }
        if (columns.reason() != null) {
            set(columns.reason(), entity, request.reason());
        }
        if (newVersion != null) {
            set(persister.getVersionMapping().getVersionAttribute(), entity, newVersion);
        }
    }

    private static void set(ModelPart attribute, Object entity, Object value) {
        attribute.asAttributeMapping().setValue(entity, value);
    }
}
