package dev.softdelete.hibernate.internal.compat;

import org.hibernate.LockOptions;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.SingleIdEntityLoaderProvidedQueryImpl;
import org.hibernate.loader.ast.internal.SingleIdEntityLoaderStandardImpl;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.loader.ast.spi.SingleIdEntityLoader;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

/**
 * Hibernate's three entity persisters, for every entity of a factory with soft-deletable ones, with
 * the admin visibilities as an influence on their loaders. Why: an admin scope is carried by a fetch
 * profile that fetches nothing (so that Hibernate caches query plans per visibility), and Hibernate
 * would otherwise take such a profile for no influence at all and reuse, or keep, a loader across
 * visibilities: a loader of an entity that joins soft-deletable rows (an eager collection) would show
 * deleted rows outside the scope. So every load in an admin scope counts as influenced
 * ({@code isAffectedByInfluencers}), and a load by id takes the visibility's own loader
 * ({@link VisibilityLoaders}) where Hibernate would build one per call.
 */
// LockOptions is deprecated for removal, but determineLoaderToUse, which these override, still takes one
@SuppressWarnings("removal")
public final class VisibilityPersisters {

    private VisibilityPersisters() {
    }

    private static SingleIdEntityLoader<?> build(AbstractEntityPersister persister, LoadQueryInfluencers influencers) {
        if (influencers.effectivelyBatchLoadable(persister)) {
            return persister.getFactory().getServiceRegistry().requireService(BatchLoaderFactory.class)
                    .createEntityBatchLoader(influencers.effectiveBatchSize(persister), persister, influencers);
        }
        return new SingleIdEntityLoaderStandardImpl<>(persister, influencers);
    }

    /** The visibility's own loader, or null where Hibernate's choice applies (see {@code determineLoaderToUse}). */
    private static SingleIdEntityLoader<?> visibilityLoader(AbstractEntityPersister persister,
            VisibilityLoaders<SingleIdEntityLoader<?>> loaders, SharedSessionContractImplementor session,
            LockOptions lockOptions) {
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        String profile = VisibilityLoaders.adminProfile(persister.getFactory(), influencers);
        if (profile == null
                || persister.getSingleIdLoader() instanceof SingleIdEntityLoaderProvidedQueryImpl
                // Hibernate builds a one-off loader for these locks in every visibility
                || lockOptions != null && lockOptions.getLockMode().isPessimistic() && lockOptions.hasNonDefaultOptions()
                || VisibilityLoaders.influencedOtherwise(persister, influencers)) {
            return null;
        }
        return loaders.of(profile, persister.getFactory());
    }

    /** For single-table hierarchies and entities without subclasses. */
    public static class SingleTable extends SingleTableEntityPersister {

        private final VisibilityLoaders<SingleIdEntityLoader<?>> loaders = new VisibilityLoaders<>(i -> build(this, i));

        public SingleTable(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, cache, naturalIdCache, context);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session, LockOptions lockOptions) {
            SingleIdEntityLoader<?> loader = visibilityLoader(this, loaders, session, lockOptions);
            return loader != null ? loader : super.determineLoaderToUse(session, lockOptions);
        }

        @Override
        public boolean isAffectedByInfluencers(LoadQueryInfluencers influencers, boolean onlyApplyForLoadByKeyFilters) {
            return super.isAffectedByInfluencers(influencers, onlyApplyForLoadByKeyFilters) 
                    || VisibilityLoaders.inAdminScope(getFactory(), influencers);
        }
    }

    /** For {@code JOINED} hierarchies. */
    public static class Joined extends JoinedSubclassEntityPersister {

        private final VisibilityLoaders<SingleIdEntityLoader<?>> loaders = new VisibilityLoaders<>(i -> build(this, i));

        public Joined(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, cache, naturalIdCache, context);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session, LockOptions lockOptions) {
            SingleIdEntityLoader<?> loader = visibilityLoader(this, loaders, session, lockOptions);
            return loader != null ? loader : super.determineLoaderToUse(session, lockOptions);
        }

        @Override
        public boolean isAffectedByInfluencers(LoadQueryInfluencers influencers, boolean onlyApplyForLoadByKeyFilters) {
            return super.isAffectedByInfluencers(influencers, onlyApplyForLoadByKeyFilters) 
                    || VisibilityLoaders.inAdminScope(getFactory(), influencers);
        }
    }

    /** For {@code TABLE_PER_CLASS} hierarchies. */
    public static class Union extends UnionSubclassEntityPersister {

        private final VisibilityLoaders<SingleIdEntityLoader<?>> loaders = new VisibilityLoaders<>(i -> build(this, i));

        public Union(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, cache, naturalIdCache, context);
        }

        @Override
        protected SingleIdEntityLoader<?> determineLoaderToUse(SharedSessionContractImplementor session, LockOptions lockOptions) {
            SingleIdEntityLoader<?> loader = visibilityLoader(this, loaders, session, lockOptions);
            return loader != null ? loader : super.determineLoaderToUse(session, lockOptions);
        }

        @Override
        public boolean isAffectedByInfluencers(LoadQueryInfluencers influencers, boolean onlyApplyForLoadByKeyFilters) {
            return super.isAffectedByInfluencers(influencers, onlyApplyForLoadByKeyFilters) 
                    || VisibilityLoaders.inAdminScope(getFactory(), influencers);
        }
    }
}
