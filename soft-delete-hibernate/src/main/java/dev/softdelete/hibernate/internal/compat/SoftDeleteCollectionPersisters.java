package dev.softdelete.hibernate.internal.compat;

import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.Collection;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.BasicCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.OneToManyPersister;

import java.util.List;
import java.util.Map;

/**
 * Hibernate's collection persisters, for collections of soft-deletable entities. Why subclasses:
 * {@code Hibernate.size()}, {@code Hibernate.contains()} and {@code Hibernate.isEmpty()} on a collection
 * not yet read answer from SQL the persister builds once, with no restriction and no hook; the
 * collection's contents are what the session's visibility lets it see, so these answer from the
 * collection itself, read once through the restricted loader.
 */
public final class SoftDeleteCollectionPersisters {

    private SoftDeleteCollectionPersisters() {
    }

    /** Whether the collection is one of soft-deletable entities (has one of these persisters). */
    public static boolean holdsSoftDeletable(CollectionPersister persister) {
        return persister instanceof OneToMany || persister instanceof ManyToMany;
    }

    /** The persister class for a collection of soft-deletable entities, by the collection's kind. */
    static Class<? extends CollectionPersister> classFor(Collection collection) {
        return collection.isOneToMany() ? OneToMany.class : ManyToMany.class;
    }

    private static Object contents(CollectionPersister persister, Object key, SharedSessionContractImplementor session) {
        PersistentCollection<?> collection = session.getPersistenceContextInternal()
                .getCollection(new CollectionKey(persister, key));
        if (collection == null) {
            return null;
        }
        collection.forceInitialization();
        return collection.getValue();
    }

    private static Integer size(Object contents) {
        if (contents instanceof java.util.Collection<?> elements) {
            return elements.size();
        }
        return contents instanceof Map<?, ?> map ? map.size() : null;
    }

    private static Boolean holds(Object contents, Object element) {
        if (contents instanceof java.util.Collection<?> elements) {
            return elements.contains(element);
        }
        return contents instanceof Map<?, ?> map ? map.containsValue(element) : null;
    }

    private static Boolean holdsIndex(Object contents, Object index) {
        if (contents instanceof Map<?, ?> map) {
            return map.containsKey(index);
        }
        if (contents instanceof List<?> list && index instanceof Integer position) {
            return position >= 0 && position < list.size();
        }
        return null;
    }

    /** One-to-many collections of soft-deletable entities. */
    public static final class OneToMany extends OneToManyPersister {

        public OneToMany(Collection collection, CollectionDataAccess cache, RuntimeModelCreationContext context) {
            super(collection, cache, context);
        }

        @Override
        public int getSize(Object key, SharedSessionContractImplementor session) {
            Integer size = size(contents(this, key, session));
            return size != null ? size : super.getSize(key, session);
        }

        @Override
        public boolean elementExists(Object key, Object element, SharedSessionContractImplementor session) {
            Boolean held = holds(contents(this, key, session), element);
            return held != null ? held : super.elementExists(key, element, session);
        }

        @Override
        public boolean indexExists(Object key, Object index, SharedSessionContractImplementor session) {
            Boolean present = holdsIndex(contents(this, key, session), index);
            return present != null ? present : super.indexExists(key, index, session);
        }
    }

    /** Many-to-many collections whose targets are soft-deletable. */
    public static final class ManyToMany extends BasicCollectionPersister {

        public ManyToMany(Collection collection, CollectionDataAccess cache, RuntimeModelCreationContext context) {
            super(collection, cache, context);
        }

        @Override
        public int getSize(Object key, SharedSessionContractImplementor session) {
            Integer size = size(contents(this, key, session));
            return size != null ? size : super.getSize(key, session);
        }

        @Override
        public boolean elementExists(Object key, Object element, SharedSessionContractImplementor session) {
            Boolean held = holds(contents(this, key, session), element);
            return held != null ? held : super.elementExists(key, element, session);
        }

        @Override
        public boolean indexExists(Object key, Object index, SharedSessionContractImplementor session) {
            Boolean present = holdsIndex(contents(this, key, session), index);
            return present != null ? present : super.indexExists(key, index, session);
        }
    }
}
