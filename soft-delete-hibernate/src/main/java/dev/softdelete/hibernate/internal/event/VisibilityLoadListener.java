package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.state.Visibility;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * Applies the session's visibility to {@code find()} results that come from the persistence context
 * or the second-level cache, which Hibernate serves without running the (restricted) loader: an
 * instance loaded inside {@code unfiltered()} must not be found once the scope is closed.
 * Only {@code find}/{@code get}: association fetches load their target whatever its state.
 */
public final class VisibilityLoadListener implements LoadEventListener {

    private final SoftDeleteService service;

    public VisibilityLoadListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        Object result = event.getResult();
        if (loadType != GET || result == null) {
            return;
        }
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(result);
        if (proxy != null && proxy.isUninitialized()) {
            return;
        }
        Object entity = proxy == null ? result : proxy.getImplementation();
        EntityPersister persister = event.getSession().getEntityPersister(null, entity);
        SoftDeletableType type = service.typeOf(persister.getEntityName());
        if (type == null) {
            return;
        }
        boolean deleted = persister.findAttributeMapping(type.markerAttribute()).getValue(entity) != null;
        Visibility visibility = Visibility.of(event.getSession().getLoadQueryInfluencers());
        if (visibility == Visibility.LIVE && deleted || visibility == Visibility.DELETED && !deleted) {
            event.setResult(null);
        }
    }
}
