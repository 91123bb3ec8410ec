package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.collection.LinkKeepingRemoveCoordinator;
import dev.softdelete.hibernate.internal.delete.SoftDeleteCoordinator;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.read.MarkerAuxiliaryMapping;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import dev.softdelete.hibernate.internal.update.MarkerGuardedUpdateCoordinator;
import dev.softdelete.hibernate.internal.update.MarkerKeepingMergeCoordinator;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.RootClass;
import org.hibernate.metamodel.mapping.AuxiliaryMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.DeleteRowsCoordinator;
import org.hibernate.persister.collection.mutation.InsertRowsCoordinator;
import org.hibernate.persister.collection.mutation.RemoveCoordinator;
import org.hibernate.persister.collection.mutation.UpdateRowsCoordinator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.DeleteCoordinator;
import org.hibernate.persister.entity.mutation.InsertCoordinator;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import dev.softdelete.hibernate.internal.compat.StandardCoordinators;
import org.hibernate.persister.state.spi.StateManagement;

/**
 * The state management of soft-deletable hierarchies (Hibernate 7.4 SPI): standard coordinators
 * except for delete (a marker UPDATE), update (which applies only to rows still in the state they
 * were loaded in) and merge (an upsert, which keeps an existing row's marker, actor and reason), and
 * an auxiliary mapping that restricts every read to the session's {@link Visibility}; on the
 * collections owned by such entities, a remove coordinator that keeps their links when the owner is
 * soft-deleted. Stateless: Hibernate reads {@link #INSTANCE} reflectively and shares it between
 * factories, so all state is reached through the persister.
 */
public final class SoftDeleteStateManagement implements StateManagement {

    public static final SoftDeleteStateManagement INSTANCE = new SoftDeleteStateManagement();

    private static final StateManagement STANDARD = StandardCoordinators.standard();

    private SoftDeleteStateManagement() {
    }

    @Override
    public DeleteCoordinator createDeleteCoordinator(EntityPersister persister) {
        return new SoftDeleteCoordinator(persister, STANDARD.createDeleteCoordinator(persister));
    }

    @Override
    public AuxiliaryMapping createAuxiliaryMapping(EntityPersister persister, RootClass bootDescriptor,
            MappingModelCreationProcess creationProcess) {
        return new MarkerAuxiliaryMapping(persister);
    }

    @Override
    public AuxiliaryMapping createAuxiliaryMapping(PluralAttributeMapping pluralAttributeMapping,
            Collection bootDescriptor, MappingModelCreationProcess creationProcess) {
        // collections are restricted through their element entity's mapping
        return null;
    }

    @Override
    public InsertCoordinator createInsertCoordinator(EntityPersister persister) {
        return STANDARD.createInsertCoordinator(persister);
    }

    @Override
    public UpdateCoordinator createUpdateCoordinator(EntityPersister persister) {
        SoftDeletableType type = persister.getFactory().getServiceRegistry().requireService(SoftDeleteService.class)
                .typeOf(persister.getEntityName());
        return type == null ? STANDARD.createUpdateCoordinator(persister)
                : new MarkerGuardedUpdateCoordinator(persister, type);
    }

    @Override
    public UpdateCoordinator createMergeCoordinator(EntityPersister persister) {
        SoftDeletableType type = persister.getFactory().getServiceRegistry().requireService(SoftDeleteService.class)
                .typeOf(persister.getEntityName());
        return type == null ? STANDARD.createMergeCoordinator(persister)
                : new MarkerKeepingMergeCoordinator(persister, type, STANDARD.createMergeCoordinator(persister));
    }

    @Override
    public InsertRowsCoordinator createInsertRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createInsertRowsCoordinator(persister);
    }

    @Override
    public UpdateRowsCoordinator createUpdateRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createUpdateRowsCoordinator(persister);
    }

    @Override
    public DeleteRowsCoordinator createDeleteRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createDeleteRowsCoordinator(persister);
    }

    /**
     * The collections given this state management are those owned by soft-deletable entities and
     * those holding soft-deletable entities, whatever their owner: their removal keeps the links a
     * soft-deleted owner or a rewrite must not lose.
     */
    @Override
    public RemoveCoordinator createRemoveCoordinator(CollectionPersister persister) {
        return new LinkKeepingRemoveCoordinator(persister, STANDARD.createRemoveCoordinator(persister));
    }
}
