package dev.softdelete.hibernate.internal.link;

import dev.softdelete.hibernate.internal.link.LinkPoints.LinkingCollection;
import dev.softdelete.hibernate.internal.link.LinkPoints.ParentKey;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.scope.SessionState.PendingLinks;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the rows that a flush links under a REMOVE-cascading or {@code DENY} association, for
 * {@link LinkedChildCheck}: rows inserted, rows whose attribute holding the parent's key changed, and
 * rows a collection that writes the links gained. Collections are seen before they are written, while
 * Hibernate still holds the snapshot that tells a gained row from one already there.
 */
public final class ChildLinkListener implements PostInsertEventListener, PostUpdateEventListener,
        PreCollectionUpdateEventListener, PreCollectionRecreateEventListener {

    private final SoftDeleteService service;
    private final LinkPoints points;
    private final LinkedChildCheck check;
    private final AutoCommitLinkCheck autoCommitCheck;

    public ChildLinkListener(SoftDeleteService service) {
        this.service = service;
        this.points = new LinkPoints(service);
        this.check = new LinkedChildCheck(service, points);
        this.autoCommitCheck = new AutoCommitLinkCheck(service, points);
    }

    /** The check of writes made outside a transaction, before they are written: a pre-insert and pre-update listener. */
    public AutoCommitLinkCheck autoCommitCheck() {
        return autoCommitCheck;
    }

    /** Checks the links written since the last check: called at the end of a flush. */
    public void checkLinked(SharedSessionContractImplementor session) {
        check.checkPending(session);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (!points.stepsTo(event.getPersister()).isEmpty()) {
            recordChild(event.getSession(), points.keyOfAllSteps(event.getPersister()), event.getId());
        }
        if (event.getSession().isStateless()) {
            recordStatelessCollections(event.getSession(), event.getPersister(), event.getEntity(), event.getId());
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        List<ParentKey> parentKeys = points.parentKeys(event.getPersister());
        if (!parentKeys.isEmpty()) {
            recordMoves(event, parentKeys);
        }
        if (event.getSession().isStateless()) {
            recordStatelessCollections(event.getSession(), event.getPersister(), event.getEntity(), event.getId());
        }
    }

    /**
     * Remembers the row under each step whose key attribute the update changed: only those parents are
     * checked, so a row already under a deleted parent elsewhere (restored alone, say) can still be
     * edited. Without a dirty check (a {@code StatelessSession}), every step counts.
     */
    private void recordMoves(PostUpdateEvent event, List<ParentKey> parentKeys) {
        int[] dirty = event.getDirtyProperties();
        if (dirty == null) {
            recordChild(event.getSession(), points.keyOfAllSteps(event.getPersister()), event.getId());
            return;
        }
        Set<CascadeStep> moved = new LinkedHashSet<>();
        for (int property : dirty) {
            for (ParentKey parentKey : parentKeys) {
                if (property == parentKey.position() && parentKey.updatable()) {
                    moved.add(parentKey.step());
                }
            }
        }
        moved.forEach(step -> recordChild(event.getSession(), points.keyOf(event.getPersister(), step), event.getId()));
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        PersistentCollection<?> collection = event.getCollection();
        CollectionPersister persister = event.getCollectionPersister();
        SharedSessionContractImplementor session = sessionOf(event);
        if (session != null && collection.wasInitialized() && points.linkingCollection(persister) != null) {
            recordWritten(session, event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull(), persister,
                    collection.needsRecreate(persister) ? CollectionLinks.all(collection, persister)
                            : CollectionLinks.written(collection, persister));
        }
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        CollectionPersister persister = event.getCollectionPersister();
        SharedSessionContractImplementor session = sessionOf(event);
        if (session != null && points.linkingCollection(persister) != null) {
            recordWritten(session, event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull(), persister,
                    CollectionLinks.all(event.getCollection(), persister));
        }
    }

    /**
     * The session of a collection event, or null for one a {@code StatelessSession} fired: Hibernate
     * builds those without their session (its accessor then throws), and this listener sees that
     * session's collection writes on the owner's insert and update events instead.
     */
    private static SharedSessionContractImplementor sessionOf(AbstractCollectionEvent event) {
        if (event.getCollection() instanceof AbstractPersistentCollection<?> collection
                && (collection.getSession() == null || collection.getSession().isStateless())) {
            return null;
        }
        try {
            return event.getSession();
        }
        catch (NullPointerException statelessEvent) {
            // a collection of another, still open session, written by a StatelessSession
            return null;
        }
    }

    /** A {@code StatelessSession} writes every element of the owner's initialized collections, on insert and update. */
    private void recordStatelessCollections(SharedSessionContractImplementor session, EntityPersister owner,
            Object entity, Object ownerId) {
        for (CollectionPersister collection : points.linkingCollectionsOf(owner)) {
            Object value = collection.getAttributeMapping().getValue(entity);
            recordWritten(session, owner.getEntityName(), ownerId, collection, CollectionLinks.ofValue(value));
        }
    }

    private void recordWritten(SharedSessionContractImplementor session, String ownerEntityName, Object ownerId,
            CollectionPersister persister, List<Object> written) {
        if (written.isEmpty() || ownerId == null) {
            return;
        }
        LinkingCollection linking = points.linkingCollection(persister);
        if (!linking.ownerIsParent()) {
            // the owner is the child, linked to the parents it gained
            recordChild(session, points.keyOf(session.getFactory().getMappingMetamodel()
                    .getEntityDescriptor(ownerEntityName), linking.step()), ownerId);
            return;
        }
        EntityPersister child = linking.step().child();
        for (Object element : written) {
            Object childId = child.getIdentifier(element, session);
            if (childId == null) {
                continue;
            }
            if (!session.isTransactionInProgress() && session.isStateless()) {
                // written with the owner, which is new (an insert) or live (an update of a deleted row fails)
                return;
            }
            if (!session.isTransactionInProgress()) {
                // a Session flushing outside a transaction: checked before the collection writes
                check.check(session, new PendingLinks(Map.of(),
                        Map.of(persister.getRole(), Map.of(ownerId, List.of(childId)))));
            }
            else {
                register(session, service.stateOf(session).recordLinkUnderOwner(persister.getRole(), ownerId, childId));
            }
        }
    }

    private void recordChild(SharedSessionContractImplementor session, String linkKey, Object id) {
        if (!session.isTransactionInProgress()) {
            // written in auto-commit: the write is committed, and AutoCommitLinkCheck has read its parents before it
            return;
        }
        register(session, service.stateOf(session).recordLinkedChild(linkKey, id));
    }

    /** With the first link of a transaction, registers the check before its commit and the reset after it. */
    private void register(SharedSessionContractImplementor session, boolean firstOfTransaction) {
        if (!firstOfTransaction) {
            return;
        }
        SessionState state = service.stateOf(session);
        TransactionCompletionCallbacks callbacks = session.getTransactionCompletionCallbacks();
        callbacks.registerCallback((BeforeCompletionCallback) completing -> check.check(completing, state.takeLinks()));
        // after a rollback, which skips the check, the next transaction must not check these rows
        callbacks.registerCallback((AfterCompletionCallback) (success, completing) -> state.linkCheckDone());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
