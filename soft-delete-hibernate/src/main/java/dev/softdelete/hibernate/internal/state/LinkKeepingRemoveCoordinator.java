package dev.softdelete.hibernate.internal.state;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.session.SessionState.RowKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.CollectionMutationTarget;
import org.hibernate.persister.collection.mutation.RemoveCoordinator;

/**
 * The remove coordinator of a collection owned by a soft-deletable entity. When the owner is being
 * soft-deleted, Hibernate would delete its join-table or element-collection rows (or null the
 * foreign keys of a unidirectional one-to-many); this keeps them, so a restore brings back the same
 * graph. Any other removal (a replaced collection, a hard delete) goes through unchanged.
 */
final class LinkKeepingRemoveCoordinator implements RemoveCoordinator {

    private final CollectionPersister persister;
    private final RemoveCoordinator delegate;

    LinkKeepingRemoveCoordinator(CollectionPersister persister, RemoveCoordinator delegate) {
        this.persister = persister;
        this.delegate = delegate;
    }

    @Override
    public CollectionMutationTarget getMutationTarget() {
        return delegate.getMutationTarget();
    }

    @Override
    public String getSqlString() {
        return delegate.getSqlString();
    }

    @Override
    public void deleteAllRows(Object key, SharedSessionContractImplementor session) {
        if (!ownerIsBeingSoftDeleted(key, session)) {
            delegate.deleteAllRows(key, session);
        }
    }

    private boolean ownerIsBeingSoftDeleted(Object key, SharedSessionContractImplementor session) {
        SoftDeleteService service = session.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        if (session.isStateless()) {
            String root = persister.getOwnerEntityPersister().getRootEntityName();
            return service.stateOf(session).isStatelessDeleteOf(new RowKey(root, key));
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        Object owner = context.getCollectionOwner(key, persister);
        EntityEntry entry = owner == null ? null : context.getEntry(owner);
        if (entry == null || !entry.getStatus().isDeletedOrGone()) {
            return false;
        }
        RowKey row = new RowKey(entry.getPersister().getRootEntityName(), entry.getId());
        return !service.stateOf(session).isHardDeleteRequested(row);
    }
}
