package dev.softdelete.hibernate.internal.link;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.link.LinkPoints.ParentKey;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

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
            check(event.getSession(), event.getPersister(), event.getId(), event.getState(), null);
        }
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        if (!event.getSession().isTransactionInProgress()) {
            check(event.getSession(), event.getPersister(), event.getId(), event.getState(), event.getOldState());
        }
        return false;
    }

    /** @param oldState the row's state before an update (null: an insert, or an update that knows none) */
    private void check(SharedSessionContractImplementor session, EntityPersister persister, Object id,
            Object[] state, Object[] oldState) {
        List<ParentKey> keys = points.parentKeys(persister);
        if (keys.isEmpty() || state[markerPosition(persister)] != null) {
            return;
        }
        for (ParentKey key : keys) {
            Object value = state[key.position()];
            if (value == null || oldState != null && Objects.equals(oldState[key.position()], value)) {
                continue;
            }
            EntityPersister parent = key.step().owner();
            Object parentId = key.reference() ? parent.getIdentifier(value, session) : value;
            if (!new ParentLocks(session, service).deletedAmong(parent, List.of(parentId)).isEmpty()) {
                throw new DeletedParentException(persister.getEntityName() + "#" + (id == null ? "(new)" : id),
                        parent.getEntityName() + "#" + parentId, parent.getEntityName() + "." + key.step().attribute());
            }
        }
    }

    private int markerPosition(EntityPersister persister) {
        return persister.findAttributeMapping(service.typeOf(persister.getEntityName()).markerAttribute())
                .getStateArrayPosition();
    }
}
