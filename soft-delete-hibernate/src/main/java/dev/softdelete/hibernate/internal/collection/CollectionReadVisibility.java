package dev.softdelete.hibernate.internal.collection;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

import java.util.Collection;

/**
 * The visibility a collection was read in, which decides the rows its rewrite may delete. Hibernate
 * does not record it, so it is told by the elements the collection loaded, in the state they were
 * loaded in: live ones only is {@link Visibility#LIVE}, deleted ones only {@link Visibility#DELETED},
 * both {@link Visibility#ALL}. A collection replaced without being read, or that loaded nothing, is
 * taken as seen in the visibility of the session at the flush, except that an unfiltered flush counts
 * as the live view: what was never read cannot have been meant to drop the links to deleted targets,
 * and a flush may run unfiltered for a reason of its own ({@code restore()} flushes in its scope).
 */
final class CollectionReadVisibility {

    private CollectionReadVisibility() {
    }

    static Visibility of(CollectionPersister persister, Object key, SharedSessionContractImplementor session,
            SoftDeleteService service) {
        Visibility flushedIn = Visibility.of(session.getLoadQueryInfluencers());
        Visibility unread = flushedIn == Visibility.ALL ? Visibility.LIVE : flushedIn;
        Collection<?> elements = CollectionSnapshots.elements(persister, key, session);
        if (elements == null) {
            return unread;
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        boolean live = false;
        boolean deleted = false;
        for (Object element : elements) {
            Boolean wasDeleted = wasDeletedWhenLoaded(element, context, service);
            if (wasDeleted != null) {
                deleted |= wasDeleted;
                live |= !wasDeleted;
            }
        }
        if (live != deleted) {
            return live ? Visibility.LIVE : Visibility.DELETED;
        }
        return live ? Visibility.ALL : unread;
    }

    /**
     * Whether an element carried a marker when it was loaded (its loaded state, not what this session
     * did to it since); null when that is unknown: a null element, an uninitialized proxy.
     */
    private static Boolean wasDeletedWhenLoaded(Object element, PersistenceContext context, SoftDeleteService service) {
        Object entity = element;
        if (element instanceof HibernateProxy proxy) {
            LazyInitializer initializer = proxy.getHibernateLazyInitializer();
            if (initializer.isUninitialized()) {
                return null;
            }
            entity = initializer.getImplementation();
        }
        if (entity == null) {
            return null;
        }
        EntityEntry entry = context.getEntry(entity);
        if (entry == null) {
            return null;
        }
        SoftDeletableType type = service.typeOf(entry.getPersister().getEntityName());
        if (type == null) {
            return null;
        }
        Object marker = entry.getLoadedState() != null ? entry.getLoadedValue(type.markerAttribute())
                : entry.getPersister().getPropertyValue(entity, type.markerAttribute());
        return marker != null;
    }
}
