package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.cascade.RequestLimits;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.CascadePlan;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import dev.softdelete.hibernate.internal.compat.DeleteHooks;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

/**
 * What the library adds to Hibernate's delete listener ({@link DeleteHooks}), for soft-deletable
 * entities:
 * <ul>
 * <li>it records the actor and reason in effect when {@code remove()} is called (or a cascade, or
 * orphan removal, asks), for the marker UPDATE that runs at flush time;</li>
 * <li>it leaves out Hibernate's REMOVE cascade, which loads every child and deletes them one by one,
 * when the library cascades set-based at flush time instead. A hard delete keeps Hibernate's cascade,
 * and hard-deletes what it reaches;</li>
 * <li>it keeps, in the deleted state, the references to soft-deleted entities that Hibernate would
 * null (and write) because they are deleted in the same flush.</li>
 * </ul>
 */
public final class DeleteRecorder implements DeleteHooks {

    private final SoftDeleteService service;

    public DeleteRecorder(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void beforeDelete(DeleteEvent event) {
        record(event);
    }

    @Override
    public void afterDelete(DeleteEvent event) {
        keepReferencesToSoftDeleted(event);
    }

    /**
     * Hibernate nulls, in the state of an entity it deletes, the references to entities deleted in
     * the same flush, and writes that with an UPDATE first, so that no foreign key points to a row
     * about to go. A soft-deleted row stays: the reference is kept, and no link is lost.
     */
    private void keepReferencesToSoftDeleted(DeleteEvent event) {
        EventSource session = event.getSession();
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(event.getObject());
        // the delete has loaded a proxy's target: its implementation is there, and no SQL runs here
        EntityEntry entry = session.getPersistenceContextInternal()
                .getEntry(proxy == null ? event.getObject() : proxy.getImplementation());
        if (entry == null || entry.getStatus() != Status.DELETED || service.typeOf(entry.getEntityName()) == null
                || service.stateOf(session).isHardDeleteRequested(new RowKey(entry.getPersister().getRootEntityName(), entry.getId()))) {
            return;
        }
        Object[] deleted = entry.getDeletedState();
        Object[] loaded = entry.getLoadedState();
        if (deleted == null || loaded == null) {
            return;
        }
        Type[] types = entry.getPersister().getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            if (deleted[i] == null && loaded[i] != null && types[i] instanceof EntityType reference
                    && service.typeOf(reference.getAssociatedEntityName()) != null) {
                deleted[i] = loaded[i];
            }
        }
    }

    @Override
    public void cascade(EventSource session, EntityPersister persister, Object entity, Runnable hibernateCascade) {
        if (!cascadesSetBased(session, persister, entity)) {
            withHardCascade(session, persister, entity, hibernateCascade);
        }
    }

    private boolean cascadesSetBased(EventSource session, EntityPersister persister, Object entity) {
        SoftDeletableType type = service.typeOf(persister.getEntityName());
        if (type == null) {
            return false;
        }
        CascadePlan plan = service.cascadePlans().of(persister);
        return plan.setBased() && !service.stateOf(session).isHardDeleteRequested(rowOf(session, persister, entity));
    }

    /** While a hard-deleted entity cascades, what the cascade reaches is hard-deleted too. */
    private void withHardCascade(EventSource session, EntityPersister persister, Object entity, Runnable cascade) {
        SessionState state = service.stateOf(session);
        boolean hard = service.typeOf(persister.getEntityName()) != null
                && state.isHardDeleteRequested(rowOf(session, persister, entity));
        if (hard) {
            state.beginHardCascade();
        }
        try {
            cascade.run();
        }
        finally {
            if (hard) {
                state.endHardCascade();
            }
        }
    }

    private static RowKey rowOf(EventSource session, EntityPersister persister, Object entity) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        return new RowKey(persister.getRootEntityName(), entry == null ? null : entry.getId());
    }

    private void record(DeleteEvent event) {
        EventSource session = event.getSession();
        Object object = event.getObject();
        String entityName;
        Object id;
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(object);
        if (proxy != null) {
            entityName = proxy.getEntityName();
            id = proxy.getInternalIdentifier();
        }
        else {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(object);
            if (entry == null) {
                return; // not managed: Hibernate rejects or ignores this remove on its own
            }
            entityName = entry.getEntityName();
            id = entry.getId();
        }
        SoftDeletableType type = service.typeOf(entityName);
        if (type != null && id != null) {
            SessionState state = service.stateOf(session);
            RowKey row = new RowKey(type.rootEntityName(), id);
            if (state.isHardCascadeActive()) {
                state.requestHardDelete(row);
            }
            DeleteRequest request = DeleteRequest.of(service.currentActor(), state.currentReason());
            if (request.actor() != null || request.reason() != null) {
                // refused here, before Hibernate schedules anything
                EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName);
                RequestLimits.check(request, entityName, MarkerColumns.of(persister, type),
                        service.cascadePlans().of(persister));
            }
            state.recordRequest(row, request);
        }
    }
}
