package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.delete.StatelessDeleteListener;
import dev.softdelete.hibernate.internal.link.ChildLinkListener;
import dev.softdelete.hibernate.internal.read.VisibilityLoadListener;
import dev.softdelete.hibernate.internal.compat.StandardListeners;
import dev.softdelete.hibernate.internal.delete.BulkDeleteCascades;
import dev.softdelete.hibernate.internal.delete.DeleteRecorder;
import dev.softdelete.hibernate.internal.delete.FlushPreparation;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import dev.softdelete.hibernate.internal.update.MarkerChangeGuard;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.jboss.logging.Logger;


/**
 * Third boot phase, inside the SessionFactory constructor: puts the library's hooks into Hibernate's delete
 * and flush listeners (they record who asks for each delete, and why, and leave the REMOVE cascade to
 * the set-based one), wraps Hibernate's load listener with the visibility rules of each kind of load,
 * and registers the stateless-delete listener, the guard against marker changes made in memory, and the
 * check that no row is inserted live under a parent deleted meanwhile.
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
        boolean parentsKeepChildren = !service.model().cascadeOwners().isEmpty() || service.model().hasDenyPolicies();
        ChildLinkListener childLinks = parentsKeepChildren ? new ChildLinkListener(service) : null;
        StandardListeners.install(listeners, new DeleteRecorder(service), new FlushPreparation(service, childLinks));
        StandardListeners.wrapLoad(listeners, hibernateLoad -> new VisibilityLoadListener(hibernateLoad, service,
                session -> BulkDeleteCascades.run(session, service)));
        listeners.appendListeners(EventType.FLUSH_ENTITY, new MarkerChangeGuard(service));
        StatelessDeleteListener statelessDeletes = new StatelessDeleteListener(service);
        listeners.appendListeners(EventType.PRE_DELETE, statelessDeletes);
        listeners.appendListeners(EventType.POST_DELETE, statelessDeletes);
        if (childLinks != null) {
            listeners.appendListeners(EventType.POST_INSERT, childLinks);
            listeners.appendListeners(EventType.POST_UPDATE, childLinks);
            listeners.appendListeners(EventType.PRE_COLLECTION_UPDATE, childLinks);
            listeners.appendListeners(EventType.PRE_COLLECTION_RECREATE, childLinks);
            listeners.appendListeners(EventType.PRE_INSERT, childLinks.autoCommitCheck());
            listeners.appendListeners(EventType.PRE_UPDATE, childLinks.autoCommitCheck());
        }
    }
}
