package dev.softdelete.hibernate.internal.collection;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.proxy.HibernateProxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The ids of the entities a collection held when it was read: its snapshot, as Hibernate keeps it. */
final class CollectionSnapshots {

    private CollectionSnapshots() {
    }

    /**
     * The ids of the elements of the collection with this key as it was read in this session; null
     * when unknown: see {@link #elements}, or an element whose id cannot be told.
     */
    static List<Object> elementIds(CollectionPersister persister, Object key, SharedSessionContractImplementor session) {
        Collection<?> elements = elements(persister, key, session);
        if (elements == null) {
            return null;
        }
        List<Object> ids = new ArrayList<>(elements.size());
        for (Object element : elements) {
            Object id = element instanceof HibernateProxy proxy ? proxy.getHibernateLazyInitializer().getInternalIdentifier()
                    : element == null ? null : session.getContextEntityIdentifier(element);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The elements of the collection with this key as it was read in this session (a map's values);
     * null when it was never read here: a stateless session, a collection replaced unread.
     */
    static Collection<?> elements(CollectionPersister persister, Object key, SharedSessionContractImplementor session) {
        if (session.isStateless()) {
            return null;
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        // during the flush the key still leads to the collection as loaded, even once replaced
        PersistentCollection<?> collection = context.getCollection(new CollectionKey(persister, key));
        CollectionEntry entry = collection == null || !collection.wasInitialized() ? null
                : context.getCollectionEntry(collection);
        Object snapshot = entry == null ? null : entry.getSnapshot();
        return snapshot instanceof Map<?, ?> map ? map.values()
                : snapshot instanceof Collection<?> list ? list : null;
    }
}
