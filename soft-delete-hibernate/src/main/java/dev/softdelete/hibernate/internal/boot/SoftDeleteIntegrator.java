package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.event.MarkerChangeGuard;
import dev.softdelete.hibernate.internal.event.SoftDeleteAutoFlushEventListener;
import dev.softdelete.hibernate.internal.event.SoftDeleteEventListener;
import dev.softdelete.hibernate.internal.event.SoftDeleteFlushEventListener;
import dev.softdelete.hibernate.internal.event.StatelessDeleteListener;
import dev.softdelete.hibernate.internal.event.VisibilityLoadListener;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.internal.DefaultAutoFlushEventListener;
import org.hibernate.event.internal.DefaultDeleteEventListener;
import org.hibernate.event.internal.DefaultFlushEventListener;
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
 * Third boot phase, inside the SessionFactory constructor: puts the library's delete listener in
 * place of Hibernate's (it records who asks for each delete, and why, and leaves the REMOVE cascade to
 * the set-based one), wraps Hibernate's load listener with the visibility rules of each kind of load,
 * and registers the stateless-delete listener and the guard against marker changes made in memory.
 */
public final class SoftDeleteIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(SoftDeleteIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        // the factory's own service, filled with what this factory's metadata build found
        SoftDeleteService service = sessionFactory.getServiceRegistry().requireService(SoftDeleteService.class);
        service.adopt(bootstrapContext.getServiceRegistry().requireService(SoftDeleteService.class), bootstrapContext);
        if (!service.isEnabled() || !service.hasSoftDeletableTypes()) {
            LOG.debug("no soft-deletable entity: no listener registered");
            return;
        }
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        replace(listeners.getEventListenerGroup(EventType.DELETE), DefaultDeleteEventListener.class,
                new SoftDeleteEventListener(service));
        replace(listeners.getEventListenerGroup(EventType.FLUSH), DefaultFlushEventListener.class,
                new SoftDeleteFlushEventListener(service));
        replace(listeners.getEventListenerGroup(EventType.AUTO_FLUSH), DefaultAutoFlushEventListener.class,
                new SoftDeleteAutoFlushEventListener(service));
        wrapLoadListeners(listeners.getEventListenerGroup(EventType.LOAD), service);
        listeners.appendListeners(EventType.FLUSH_ENTITY, new MarkerChangeGuard(service));
        StatelessDeleteListener statelessDeletes = new StatelessDeleteListener(service);
        listeners.appendListeners(EventType.PRE_DELETE, statelessDeletes);
        listeners.appendListeners(EventType.POST_DELETE, statelessDeletes);
    }

    /** Puts the library's subclass in place of Hibernate's own listener; other listeners stay. */
    private static <T> void replace(EventListenerGroup<T> group, Class<?> hibernateListener, T replacement) {
        List<T> listeners = new ArrayList<>();
        for (T listener : group.listeners()) {
            // exactly Hibernate's class: a subclass of it belongs to the application, which we leave alone
            listeners.add(listener.getClass() == hibernateListener ? replacement : listener);
        }
        group.clearListeners();
        listeners.forEach(group::appendListener);
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
