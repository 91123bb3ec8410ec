package dev.softdelete.hibernate.internal.link;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.link.LinkPoints.LinkingCollection;
import dev.softdelete.hibernate.internal.link.LinkPoints.ParentKey;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The check of {@link LinkedChildCheck} for writes outside a transaction (a {@code StatelessSession}
 * used without one, in auto-commit): each statement commits as it runs, so a check after it could
 * report a row under a deleted parent but not take it back. The parent named by the row's key is read
 * before the write instead, and a deleted one refuses it. No lock outlives the statement, so a delete
 * racing the write is not ordered with it; a transaction is what closes that window.
 */
public final class AutoCommitLinkCheck implements PreInsertEventListener, PreUpdateEventListener {

    private final SoftDeleteService service;
    private final LinkPoints points;

    AutoCommitLinkCheck(SoftDeleteService service, LinkPoints points) {
        this.service = service;
        this.points = points;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        if (!event.getSession().isTransactionInProgress()) {
            check(event.getSession(), event.getPersister(), event.getId(), event.getState(), null, true);
        }
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        if (!event.getSession().isTransactionInProgress()) {
            check(event.getSession(), event.getPersister(), event.getId(), event.getState(), event.getOldState(), false);
        }
        return false;
    }

    /**
     * @param oldState the row's state before an update (null: an insert, or an update that knows none)
     * @param insert   whether the row is inserted: only its insertable key columns are written
     */
    private void check(SharedSessionContractImplementor session, EntityPersister persister, Object id,
            Object[] state, Object[] oldState, boolean insert) {
        List<ParentKey> keys = points.parentKeys(persister);
        List<CollectionPersister> collections = points.linkingCollectionsOf(persister);
        if (keys.isEmpty() && collections.isEmpty() || state[points.markerPosition(persister)] != null) {
            return;
        }
        String row = persister.getEntityName() + "#" + (id == null ? "(new)" : id);
        for (ParentKey key : keys) {
            Object value = state[key.position()];
            boolean written = insert ? key.insertable() : key.updatable();
            if (!written || !key.readable() || value == null
                    || oldState != null && Objects.equals(oldState[key.position()], value)) {
                continue;
            }
            EntityPersister parent = key.step().owner();
            refuseDeleted(session, row, key.step(), List.of(key.reference() ? parent.getIdentifier(value, session) : value));
        }
        for (CollectionPersister collection : collections) {
            LinkingCollection linking = points.linkingCollection(collection);
            if (linking.ownerIsParent()) {
                // this row is the parent: new (an insert), or live (the update of a deleted row fails)
                continue;
            }
            EntityPersister parent = linking.step().owner();
            List<Object> parentIds = new ArrayList<>();
            CollectionLinks.ofValue(state[collection.getAttributeMapping().getStateArrayPosition()])
                    .forEach(element -> parentIds.add(parent.getIdentifier(element, session)));
            refuseDeleted(session, row, linking.step(), parentIds);
        }
    }

    private void refuseDeleted(SharedSessionContractImplementor session, String row, CascadeStep step,
            List<Object> parentIds) {
        EntityPersister parent = step.owner();
        for (Object deleted : new ParentLocks(session, service).deletedAmong(parent, parentIds)) {
            throw new DeletedParentException(row, parent.getEntityName() + "#" + deleted,
                    parent.getEntityName() + "." + step.attribute());
        }
    }
}
