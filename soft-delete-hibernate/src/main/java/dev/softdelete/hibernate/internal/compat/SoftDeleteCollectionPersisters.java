package dev.softdelete.hibernate.internal.compat;

import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.CollectionLoaderNamedQuery;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.loader.ast.spi.CollectionLoader;
import org.hibernate.mapping.Collection;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.collection.BasicCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.OneToManyPersister;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hibernate's collection persisters, for collections of soft-deletable entities. Why subclasses:
 * <ul>
 * <li>{@code Hibernate.size()}, {@code Hibernate.contains()}, {@code Hibernate.isEmpty()} and
 * {@code Hibernate.get()} on a collection not yet read answer from SQL the persister builds once, with
 * no restriction of the element rows and no hook; the
 * collection's contents are what the session's visibility lets it see, so these answer from the
 * collection itself, read once through the restricted loader;</li>
 * <li>the collection's loader, which Hibernate builds anew for each load in an admin scope, is kept per
 * visibility ({@link VisibilityLoaders}), and its cache region is one of the default visibility only
 * ({@link VisibleCollectionCache});</li>
 * <li>in an admin scope the collection counts as filtered ({@code isAffectedByEnabledFilters}), as it did
 * when scopes enabled filters: Hibernate then writes an emptied collection element by element
 * instead of deleting all its rows, and refuses to recreate a bag (it may not hold every row).</li>
 * </ul>
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

    private static CollectionLoader build(AbstractCollectionPersister persister, LoadQueryInfluencers influencers,
            Function<LoadQueryInfluencers, CollectionLoader> singleKey) {
        if (influencers.effectivelyBatchLoadable(persister)) {
            return persister.getFactory().getServiceRegistry().requireService(BatchLoaderFactory.class)
                    .createCollectionBatchLoader(influencers.effectiveBatchSize(persister), influencers,
                            persister.getAttributeMapping(), persister.getFactory());
        }
        return singleKey.apply(influencers);
    }

    private static Object elementAt(Object contents, Object index) {
        if (contents instanceof Map<?, ?> map) {
            return map.get(index);
        }
        if (contents instanceof List<?> list && index instanceof Integer position) {
            return position >= 0 && position < list.size() ? list.get(position) : null;
        }
        return null;
    }

    /** The visibility's own loader, or null where Hibernate's choice applies (see {@code determineLoaderToUse}). */
    private static CollectionLoader visibilityLoader(AbstractCollectionPersister persister,
            VisibilityLoaders<CollectionLoader> loaders, SharedSessionContractImplementor session) {
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        String profile = VisibilityLoaders.adminProfile(persister.getFactory(), influencers);
        if (profile == null
                || persister.getCollectionLoader() instanceof CollectionLoaderNamedQuery
                || influencers.effectiveSubselectFetchEnabled(persister)
                || VisibilityLoaders.influencedOtherwise(persister.getAttributeMapping(), influencers)
                || VisibilityLoaders.influencedOtherwise(persister.getElementPersister(), influencers)) {
            return null;
        }
        return loaders.of(profile, persister.getFactory());
    }

    /** One-to-many collections of soft-deletable entities. */
    public static final class OneToMany extends OneToManyPersister {

        private final VisibilityLoaders<CollectionLoader> loaders =
                new VisibilityLoaders<>(i -> build(this, i, this::createSingleKeyCollectionLoader));

        public OneToMany(Collection collection, CollectionDataAccess cache, RuntimeModelCreationContext context) {
            super(collection, VisibleCollectionCache.wrap(cache), context);
        }

        @Override
        protected CollectionLoader determineLoaderToUse(Object key, SharedSessionContractImplementor session) {
            CollectionLoader loader = visibilityLoader(this, loaders, session);
            return loader != null ? loader : super.determineLoaderToUse(key, session);
        }

        @Override
        public boolean isAffectedByEnabledFilters(SharedSessionContractImplementor session) {
            return super.isAffectedByEnabledFilters(session) || VisibilityLoaders.inAdminScope(session);
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

        @Override
        public Object getElementByIndex(Object key, Object index, SharedSessionContractImplementor session, Object owner) {
            Object contents = contents(this, key, session);
            return contents != null ? elementAt(contents, index) : super.getElementByIndex(key, index, session, owner);
        }
    }

    /** Many-to-many collections whose targets are soft-deletable. */
    public static final class ManyToMany extends BasicCollectionPersister {

        private final VisibilityLoaders<CollectionLoader> loaders =
                new VisibilityLoaders<>(i -> build(this, i, this::createSingleKeyCollectionLoader));

        public ManyToMany(Collection collection, CollectionDataAccess cache, RuntimeModelCreationContext context) {
            super(collection, VisibleCollectionCache.wrap(cache), context);
        }

        @Override
        protected CollectionLoader determineLoaderToUse(Object key, SharedSessionContractImplementor session) {
            CollectionLoader loader = visibilityLoader(this, loaders, session);
            return loader != null ? loader : super.determineLoaderToUse(key, session);
        }

        @Override
        public boolean isAffectedByEnabledFilters(SharedSessionContractImplementor session) {
            return super.isAffectedByEnabledFilters(session) || VisibilityLoaders.inAdminScope(session);
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

        @Override
        public Object getElementByIndex(Object key, Object index, SharedSessionContractImplementor session, Object owner) {
            Object contents = contents(this, key, session);
            return contents != null ? elementAt(contents, index) : super.getElementByIndex(key, index, session, owner);
        }
    }
}
