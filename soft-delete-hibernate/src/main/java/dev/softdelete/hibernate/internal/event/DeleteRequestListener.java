package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.session.SessionState;
import dev.softdelete.hibernate.internal.session.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.session.SessionState.RowKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * Records the actor and reason in effect when {@code remove()} (or a cascade, or orphan removal) asks
 * to delete a soft-deletable entity, for the marker UPDATE that runs at flush time. Runs before
 * Hibernate's own delete listener and changes nothing else.
 */
public final class DeleteRequestListener implements DeleteEventListener {

    private final SoftDeleteService service;

    public DeleteRequestListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onDelete(DeleteEvent event) {
        record(event);
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        record(event);
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
            state.recordRequest(new RowKey(type.rootEntityName(), id),
                    new DeleteRequest(service.currentActor(), state.currentReason()));
        }
    }
}
