package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.compat.SoftDeletePersisters;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.persister.spi.PersisterClassResolver;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.internal.compat.HibernateVersionGuard;
import dev.softdelete.hibernate.internal.delete.GuardedMutationStrategyProvider;
import dev.softdelete.hibernate.internal.delete.SoftDeleteSqmTranslatorFactory;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * First boot phase, while the service registry is built: registers the {@code SoftDeleteService},
 * installs the translator that turns bulk deletes into marker updates, and guards multi-table bulk
 * deletes. Settings are only readable here, before the SessionFactory options are fixed.
 */
public final class SoftDeleteServiceContributor implements ServiceContributor {

    private static final Logger LOG = Logger.getLogger(SoftDeleteServiceContributor.class);

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(SoftDeleteServiceInitiator.INSTANCE);
        Map<String, Object> settings = builder.getSettings();
        if (!SoftDeleteServiceInitiator.isEnabled(settings)) {
            LOG.debug("softdelete.enabled is false: soft delete is off for this registry");
            return;
        }
        // first: on another Hibernate minor the SPIs below may not exist
        HibernateVersionGuard.check(settings.get(SoftDeleteSettings.HIBERNATE_VERSION_CHECK));
        if (!settings.containsKey(QuerySettings.SEMANTIC_QUERY_TRANSLATOR)) {
            // Hibernate reads this setting as a class name only
            builder.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR, SoftDeleteSqmTranslatorFactory.class.getName());
        }
        builder.addInitiator(GuardedProviderInitiator.INSTANCE);
        builder.addInitiator(PersisterResolverInitiator.INSTANCE);
    }

    /**
     * The library's persisters (see {@code SoftDeletePersisters}): for soft-deletable hierarchies,
     * and, keeping a loader per visibility, for every other entity and collection.
     */
    private static final class PersisterResolverInitiator implements StandardServiceInitiator<PersisterClassResolver> {

        static final PersisterResolverInitiator INSTANCE = new PersisterResolverInitiator();

        @Override
        public Class<PersisterClassResolver> getServiceInitiated() {
            return PersisterClassResolver.class;
        }

        @Override
        public PersisterClassResolver initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
            // stateless: one registry may build several factories; the mapping contributor marked the roots
            return new SoftDeletePersisters.Resolver(PersisterResolverInitiator::isSoftDeletable,
                    PersisterResolverInitiator::holdsSoftDeletable);
        }

        private static boolean isSoftDeletable(PersistentClass entity) {
            return entity != null && entity.getRootClass().getStateManagementType() == SoftDeleteStateManagement.class;
        }

        private static boolean holdsSoftDeletable(Collection collection) {
            return isSoftDeletable(SoftDeletableElements.elementEntity(collection));
        }
    }

    /** Replaces Hibernate's multi-table strategy provider with the guarded one. */
    private static final class GuardedProviderInitiator
            implements StandardServiceInitiator<SqmMultiTableMutationStrategyProvider> {

        static final GuardedProviderInitiator INSTANCE = new GuardedProviderInitiator();

        @Override
        public Class<SqmMultiTableMutationStrategyProvider> getServiceInitiated() {
            return SqmMultiTableMutationStrategyProvider.class;
        }

        @Override
        public SqmMultiTableMutationStrategyProvider initiateService(Map<String, Object> settings,
                ServiceRegistryImplementor registry) {
            return new GuardedMutationStrategyProvider();
        }
    }
}
