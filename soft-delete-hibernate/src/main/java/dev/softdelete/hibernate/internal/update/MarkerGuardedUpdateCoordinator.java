package dev.softdelete.hibernate.internal.update;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.update.RowStateUpdateCoordinator.DeletedRowUpdates;
import dev.softdelete.hibernate.internal.update.RowStateUpdateCoordinator.LiveRowUpdates;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.values.GeneratedValues;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import org.hibernate.sql.model.MutationOperationGroup;

/**
 * The UPDATE of a soft-deletable entity: it applies only to a row in the state the entity was loaded
 * in, live or deleted. A copy loaded while the row was live and flushed after another transaction
 * soft-deleted it finds no row, and fails as the update of a hard-deleted row does
 * ({@code StaleStateException}, {@code OptimisticLockException} in JPA), {@code @Version} or not,
 * instead of writing the row back to life. The marker, actor and reason are not updatable (bootstrap
 * makes them so, and {@code MarkerChangeGuard} refuses changes to them), so the state an entity was
 * loaded in is the state of the row it may update.
 */
public final class MarkerGuardedUpdateCoordinator implements UpdateCoordinator {

    private final EntityPersister persister;
    private final UpdateCoordinator liveRows;
    // built on first use: only admin scopes update deleted rows, and each coordinator renders its statements
    private volatile UpdateCoordinator deletedRows;
    private final int markerPosition;

    public MarkerGuardedUpdateCoordinator(EntityPersister persister, SoftDeletableType type) {
        this.persister = persister;
        this.liveRows = new LiveRowUpdates(persister);
        this.markerPosition = persister.findAttributeMapping(type.markerAttribute()).getStateArrayPosition();
    }

    private UpdateCoordinator deletedRows() {
        UpdateCoordinator coordinator = deletedRows;
        if (coordinator == null) {
            coordinator = new DeletedRowUpdates(persister);
            deletedRows = coordinator;
        }
        return coordinator;
    }

    @Override
    public MutationOperationGroup getStaticMutationOperationGroup() {
        return liveRows.getStaticMutationOperationGroup();
    }

    @Override
    public GeneratedValues update(Object entity, Object id, Object rowId, Object[] values, Object oldVersion,
            Object[] incomingOldValues, int[] dirtyAttributeIndexes, boolean hasDirtyCollection,
            SharedSessionContractImplementor session) {
        Object[] loaded = incomingOldValues != null ? incomingOldValues : loadedState(id, session);
        Object marker = (loaded != null ? loaded : values)[markerPosition];
        return (marker == null ? liveRows : deletedRows()).update(entity, id, rowId, values, oldVersion,
                incomingOldValues, dirtyAttributeIndexes, hasDirtyCollection, session);
    }

    @Override
    public void forceVersionIncrement(Object id, Object currentVersion, Object nextVersion,
            SharedSessionContractImplementor session) {
        coordinatorOf(id, session).forceVersionIncrement(id, currentVersion, nextVersion, session);
    }

    @Override
    public void forceVersionIncrement(Object id, Object currentVersion, Object nextVersion, boolean batching,
            SharedSessionContractImplementor session) {
        coordinatorOf(id, session).forceVersionIncrement(id, currentVersion, nextVersion, batching, session);
    }

    private UpdateCoordinator coordinatorOf(Object id, SharedSessionContractImplementor session) {
        Object[] loaded = loadedState(id, session);
        return loaded != null && loaded[markerPosition] != null ? deletedRows() : liveRows;
    }

    private Object[] loadedState(Object id, SharedSessionContractImplementor session) {
        EntityHolder holder = session.getPersistenceContextInternal()
                .getEntityHolder(session.generateEntityKey(id, persister));
        EntityEntry entry = holder == null ? null : holder.getEntityEntry();
        return entry == null ? null : entry.getLoadedState();
    }
}
