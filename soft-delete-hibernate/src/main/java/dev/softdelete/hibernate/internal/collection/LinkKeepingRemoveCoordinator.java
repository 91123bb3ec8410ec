package dev.softdelete.hibernate.internal.collection;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.CollectionMutationTarget;
import org.hibernate.persister.collection.mutation.RemoveCoordinator;
import org.hibernate.persister.collection.mutation.RemoveCoordinatorStandard;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The remove coordinator of a collection owned by a soft-deletable entity, or holding soft-deletable
 * entities. Hibernate removes all the rows of a collection when its owner is deleted, and when it
 * rewrites the collection: a bag changed, a collection emptied or replaced. When the owner is being
 * soft-deleted this keeps every row (join-table and element-collection rows, the foreign keys of a
 * unidirectional one-to-many), so a restore brings back the same graph. When the collection is
 * rewritten it deletes only the rows of the elements the collection held when it was read (by their
 * ids, {@link CollectionSnapshots}; for a collection replaced unread, the rows visible in the scope it
 * would have been read in, {@link CollectionReadVisibility}): the links to deleted targets outlive an
 * edit of a live view. A
 * hard delete of the owner removes every row.
 */
public final class LinkKeepingRemoveCoordinator implements RemoveCoordinator {

    private static final Logger LOG = Logger.getLogger(LinkKeepingRemoveCoordinator.class);
    private static final int IDS_PER_STATEMENT = 500;

    /** What the removal of a collection's rows is part of. */
    private enum OwnerChange { REWRITE, SOFT_DELETE, HARD_DELETE }

    private final CollectionPersister persister;
    private final RemoveCoordinator delegate;
    private volatile RewriteRemoval rewriteRemoval;

    public LinkKeepingRemoveCoordinator(CollectionPersister persister, RemoveCoordinator delegate) {
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
        SoftDeleteService service = session.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        switch (ownerChange(key, session, service)) {
            case SOFT_DELETE -> LOG.tracef("keeping the rows of %s: its owner is soft-deleted", persister.getRole());
            case HARD_DELETE -> delegate.deleteAllRows(key, session);
            case REWRITE -> rewrite(key, session, service);
        }
    }

    private void rewrite(Object key, SharedSessionContractImplementor session, SoftDeleteService service) {
        RewriteRemoval removal = rewriteRemoval(service);
        if (removal.restriction() != null && removal.restriction().byElementId()
                && removal.restriction().outerColumns().size() == 1) {
            List<Object> loaded = CollectionSnapshots.elementIds(persister, key, session);
            if (loaded != null) {
                deleteRowsOf(loaded, key, removal, session);
                return;
            }
        }
        Visibility readIn = removal.restriction() == null ? Visibility.ALL
                : CollectionReadVisibility.of(persister, key, session, service);
        if (readIn == Visibility.ALL) {
            delegate.deleteAllRows(key, session);
            return;
        }
        String sql = removal.sql() + removal.restriction().andVisibleIn(readIn);
        Mutations.executeUpdate(session, sql,
                new Binds().add(persister.getAttributeMapping().getKeyDescriptor().getKeyPart(), key, session));
    }

    /**
     * Deletes the rows of exactly the elements the collection held when it was read; Hibernate then
     * inserts the rows of the elements it holds now. Rows of elements it never saw (hidden, or linked
     * by another transaction meanwhile) stay, whatever happened to those elements since: a restore of a
     * hidden element committed between the read and this flush does not expose its row to the delete.
     */
    private void deleteRowsOf(List<Object> elementIds, Object key, RewriteRemoval removal,
            SharedSessionContractImplementor session) {
        for (int from = 0; from < elementIds.size(); from += IDS_PER_STATEMENT) {
            List<Object> chunk = elementIds.subList(from, Math.min(elementIds.size(), from + IDS_PER_STATEMENT));
            Binds binds = new Binds().add(persister.getAttributeMapping().getKeyDescriptor().getKeyPart(), key, session);
            for (Object id : chunk) {
                binds.add(persister.getElementPersister().getIdentifierMapping(), id, session);
            }
            Mutations.executeUpdate(session, removal.sql() + removal.restriction().andOfElements(chunk.size()), binds);
        }
    }

    private OwnerChange ownerChange(Object key, SharedSessionContractImplementor session, SoftDeleteService service) {
        String ownerRoot = persister.getOwnerEntityPersister().getRootEntityName();
        boolean softDeletableOwner = service.typeOf(ownerRoot) != null;
        if (session.isStateless()) {
            return service.stateOf(session).isStatelessDeleteOf(new RowKey(ownerRoot, key))
                    ? (softDeletableOwner ? OwnerChange.SOFT_DELETE : OwnerChange.HARD_DELETE)
                    : OwnerChange.REWRITE;
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        Object owner = context.getCollectionOwner(key, persister);
        EntityEntry entry = owner == null ? null : context.getEntry(owner);
        if (entry == null || !entry.getStatus().isDeletedOrGone()) {
            return OwnerChange.REWRITE;
        }
        RowKey row = new RowKey(entry.getPersister().getRootEntityName(), entry.getId());
        return softDeletableOwner && !service.stateOf(session).isHardDeleteRequested(row)
                ? OwnerChange.SOFT_DELETE : OwnerChange.HARD_DELETE;
    }

    private RewriteRemoval rewriteRemoval(SoftDeleteService service) {
        RewriteRemoval removal = rewriteRemoval;
        if (removal == null) {
            // the mapping model is complete only once the factory is built, after this coordinator
            removal = RewriteRemoval.resolve(persister, delegate, service);
            rewriteRemoval = removal;
        }
        return removal;
    }

    /**
     * Hibernate's removal statement and the restriction appended to it; no restriction when the
     * elements cannot be hidden, or when the statement is not Hibernate's to extend.
     */
    private record RewriteRemoval(String sql, HiddenLinkRestriction restriction) {

        static RewriteRemoval resolve(CollectionPersister persister, RemoveCoordinator delegate,
                SoftDeleteService service) {
            CollectionMutationTarget target = delegate.getMutationTarget();
            String table = target.getCollectionTableMapping().getTableName();
            HiddenLinkRestriction restriction = HiddenLinkRestriction.of(persister, table, service);
            if (restriction == null) {
                return new RewriteRemoval(null, null);
            }
            if (!(delegate instanceof RemoveCoordinatorStandard)
                    || target.getCollectionTableMapping().getDeleteDetails().getCustomSql() != null) {
                // @SQLDeleteAll, or a one-to-many into a TABLE_PER_CLASS hierarchy (one statement per table)
                LOG.warnf("softdelete cannot keep the links of %s to deleted elements when the collection is"
                        + " rewritten: its removal is custom SQL or spans several tables", persister.getRole());
                return new RewriteRemoval(null, null);
            }
            // Hibernate's statement ends with its WHERE clause: the owner's key and any @SQLRestriction
            return new RewriteRemoval(delegate.getSqlString(), restriction);
        }
    }
}
