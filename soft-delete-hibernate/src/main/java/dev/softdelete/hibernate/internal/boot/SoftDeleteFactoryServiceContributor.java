package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.compat.ReadHooks;
import dev.softdelete.hibernate.internal.read.VisibleReads;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

/**
 * Gives each SessionFactory a {@code SoftDeleteService} of its own, in the factory's service
 * registry, with the settings of the registry it is built from and no types until the integrator
 * fills it from the factory's metadata: every lookup through the factory (persisters, sessions,
 * listeners) then reads that factory's model, never another's.
 */
public final class SoftDeleteFactoryServiceContributor implements SessionFactoryServiceContributor {

    @Override
    public void contribute(SessionFactoryServiceRegistryBuilder builder) {
        builder.addInitiator(FactoryServiceInitiator.INSTANCE);
        builder.addInitiator(ReadHooksInitiator.INSTANCE);
    }

    /** The hooks of the library's persisters, which Hibernate instantiates by reflection. */
    private static final class ReadHooksInitiator implements SessionFactoryServiceInitiator<ReadHooks> {

        static final ReadHooksInitiator INSTANCE = new ReadHooksInitiator();

        @Override
        public Class<ReadHooks> getServiceInitiated() {
            return ReadHooks.class;
        }

        @Override
        public ReadHooks initiateService(SessionFactoryServiceInitiatorContext context) {
            return new VisibleReads(context.getServiceRegistry().requireService(SoftDeleteService.class));
        }
    }

    private static final class FactoryServiceInitiator implements SessionFactoryServiceInitiator<SoftDeleteService> {

        static final FactoryServiceInitiator INSTANCE = new FactoryServiceInitiator();

        @Override
        public Class<SoftDeleteService> getServiceInitiated() {
            return SoftDeleteService.class;
        }

        @Override
        public SoftDeleteService initiateService(SessionFactoryServiceInitiatorContext context) {
            // the parent is the StandardServiceRegistry, whose service read the settings
            return context.getServiceRegistry().getParentServiceRegistry().requireService(SoftDeleteService.class)
                    .forFactory();
        }
    }
}
