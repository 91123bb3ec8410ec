package dev.softdelete.hibernate.internal.link;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.persister.collection.CollectionPersister;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The elements a collection write links to its owner, decided as Hibernate's own writes decide them. */
final class CollectionLinks {

    private CollectionLinks() {
    }

    /** Every element: what a recreate writes. */
    static List<Object> all(PersistentCollection<?> collection, CollectionPersister persister) {
        List<Object> elements = new ArrayList<>();
        Iterator<?> entries = collection.entries(persister);
        while (entries.hasNext()) {
            Object element = collection.getElement(entries.next());
            if (element != null) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * The elements an update writes a link for: rows it inserts (not in the snapshot) and rows it
     * updates (an indexed collection's position or key now holding another element).
     */
    static List<Object> written(PersistentCollection<?> collection, CollectionPersister persister) {
        List<Object> elements = new ArrayList<>();
        Iterator<?> entries = collection.entries(persister);
        for (int i = 0; entries.hasNext(); i++) {
            Object entry = entries.next();
            Object element = collection.getElement(entry);
            if (element != null && (collection.includeInInsert(entry, i, collection, persister.getAttributeMapping())
                    || collection.needsUpdating(entry, i, persister.getAttributeMapping()))) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * The elements of an attribute's value as a {@code StatelessSession} writes it (all of them), or none
     * for a collection it leaves alone (not initialized).
     */
    static List<Object> ofValue(Object value) {
        if (value == null || value instanceof PersistentCollection<?> persistent && !persistent.wasInitialized()) {
            return List.of();
        }
        Collection<?> elements = value instanceof Map<?, ?> map ? map.values()
                : value instanceof Collection<?> collection ? collection
                : value instanceof Object[] array ? Arrays.asList(array) : List.of();
        List<Object> present = new ArrayList<>(elements.size());
        elements.forEach(element -> {
            if (element != null) {
                present.add(element);
            }
        });
        return present;
    }
}
