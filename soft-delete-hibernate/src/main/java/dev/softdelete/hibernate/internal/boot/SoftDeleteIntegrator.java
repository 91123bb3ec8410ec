package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.event.DeleteRequestListener;
import dev.softdelete.hibernate.internal.event.StatelessDeleteListener;
import dev.softdelete.hibernate.internal.event.VisibilityLoadListener;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.internal.DefaultLoadEventListener;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Third boot phase, inside the SessionFactory constructor: registers the listener that records who
 * asked for each delete, and why, at the moment {@code remove()} is called, and the one that applies
 * the session's visibility to {@code find()} results served from a cache.
 */
public final class SoftDeleteIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(SoftDeleteIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        SoftDeleteService service = sessionFactory.getServiceRegistry().requireService(SoftDeleteService.class);
        if (!service.isEnabled() || !service.hasSoftDeletableTypes()) {
            LOG.debug("no soft-deletable entity: no listener registered");
            return;
        }
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.prependListeners(EventType.DELETE, new DeleteRequestListener(service));
        wrapLoadListeners(listeners.getEventListenerGroup(EventType.LOAD), service);
        listeners.appendListeners(EventType.PRE_DELETE, new StatelessDeleteListener(service));
    }

    private static void wrapLoadListeners(EventListenerGroup<LoadEventListener> group, SoftDeleteService service) {
        List<LoadEventListener> wrapped = new ArrayList<>();
        for (LoadEventListener listener : group.listeners()) {
            // only Hibernate's own loader is wrapped; listeners of the application stay as they are
            wrapped.add(listener instanceof DefaultLoadEventListener ? new VisibilityLoadListener(listener, service) : listener);
        }
        group.clearListeners();
        wrapped.forEach(group::appendListener);
    }
}
