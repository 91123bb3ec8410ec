package dev.softdelete.hibernate.internal.compat;

import org.hibernate.OrderingMode;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.spi.MultiIdLoadOptions;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.persister.internal.StandardPersisterClassResolver;

import java.util.List;
import java.util.function.Predicate;

/**
 * Hibernate's three entity persisters, for soft-deletable entities: those of {@link VisibilityPersisters}
 * with two more changes. Why subclasses:
 * a multi-id load returns instances it finds in the persistence context or the second-level cache
 * without any event or loader a listener could reach, and a StatelessSession reads the second-level
 * cache the same way; the persister is the one place both pass through (Hibernate Reactive replaces
 * persisters for the same reason).
 * <ul>
 * <li>{@code multiLoad} hands its result to {@link ReadHooks#visibleOf};</li>
 * <li>the entity's cache region is wrapped in {@link LiveRowsCache}, which never caches a deleted row.</li>
 * </ul>
 * The constructors are the ones Hibernate's persister factory calls by reflection.
 */
public final class SoftDeletePersisters {

    private SoftDeletePersisters() {
    }

    /**
     * Hibernate's resolver of persister classes, answering the library's persisters for the entities
     * of soft-deletable hierarchies, {@link VisibilityPersisters} for the other entities. Why internal:
     * the standard resolver is the only place that knows which persister fits an inheritance strategy,
     * and Hibernate 7 has no per-entity persister setting.
     */
    public static final class Resolver extends StandardPersisterClassResolver {

        private final Predicate<PersistentClass> softDeletable;
        private final Predicate<Collection> holdsSoftDeletable;

        public Resolver(Predicate<PersistentClass> softDeletable, Predicate<Collection> holdsSoftDeletable) {
            this.softDeletable = softDeletable;
            this.holdsSoftDeletable = holdsSoftDeletable;
        }

        @Override
        public Class<? extends CollectionPersister> getCollectionPersisterClass(Collection collection) {
            return holdsSoftDeletable.test(collection) ? SoftDeleteCollectionPersisters.classFor(collection)
                    : super.getCollectionPersisterClass(collection);
        }

        @Override
        public Class<? extends EntityPersister> getEntityPersisterClass(PersistentClass entity) {
            Class<? extends EntityPersister> standard = super.getEntityPersisterClass(entity);
            boolean soft = softDeletable.test(entity);
            if (standard == SingleTableEntityPersister.class) {
                return soft ? SingleTable.class : VisibilityPersisters.SingleTable.class;
            }
            if (standard == JoinedSubclassEntityPersister.class) {
                return soft ? Joined.class : VisibilityPersisters.Joined.class;
            }
            if (standard == UnionSubclassEntityPersister.class) {
                return soft ? Union.class : VisibilityPersisters.Union.class;
            }
            return standard;
        }
    }

    private static List<?> visible(EntityPersister persister, List<?> loaded, MultiIdLoadOptions options,
            SharedSessionContractImplementor session) {
        return persister.getFactory().getServiceRegistry().requireService(ReadHooks.class)
                .visibleOf(loaded, options.getOrderingMode() == OrderingMode.ORDERED, session);
    }

    /** For single-table hierarchies and entities without subclasses. */
    public static final class SingleTable extends VisibilityPersisters.SingleTable {

        public SingleTable(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, LiveRowsCache.wrap(cache), naturalIdCache, context);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            return visible(this, super.multiLoad(ids, session, options), options, session);
        }
    }

    /** For {@code JOINED} hierarchies. */
    public static final class Joined extends VisibilityPersisters.Joined {

        public Joined(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, LiveRowsCache.wrap(cache), naturalIdCache, context);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            return visible(this, super.multiLoad(ids, session, options), options, session);
        }
    }

    /** For {@code TABLE_PER_CLASS} hierarchies. */
    public static final class Union extends VisibilityPersisters.Union {

        public Union(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
                RuntimeModelCreationContext context) {
            super(entity, LiveRowsCache.wrap(cache), naturalIdCache, context);
        }

        @Override
        public List<?> multiLoad(Object[] ids, SharedSessionContractImplementor session, MultiIdLoadOptions options) {
            return visible(this, super.multiLoad(ids, session, options), options, session);
        }
    }
}
