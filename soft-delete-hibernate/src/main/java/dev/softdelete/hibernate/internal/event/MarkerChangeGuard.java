package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Refuses, at flush, a change made in memory to the marker, actor or reason of a managed entity.
 * Entity UPDATEs never write these attributes (bootstrap makes them non-updatable, so that a stale copy
 * cannot undo a delete); without this check, {@code entity.setDeletedAt(null)} in place of a restore
 * would be dropped without a word. Runs after Hibernate's own listener, which has read the state.
 */
public final class MarkerChangeGuard implements FlushEntityEventListener {

    private final SoftDeleteService service;

    public MarkerChangeGuard(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onFlushEntity(FlushEntityEvent event) throws HibernateException {
        EntityEntry entry = event.getEntityEntry();
        if (entry.getStatus() != Status.MANAGED || entry.isReadOnly() || entry.getLoadedState() == null) {
            return;
        }
        SoftDeletableType type = service.typeOf(entry.getEntityName());
        if (type == null) {
            return;
        }
        EntityPersister persister = entry.getPersister();
        Object[] current = event.getPropertyValues() != null ? event.getPropertyValues()
                : persister.getValues(event.getEntity());
        for (String attribute : new String[] {type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute()}) {
            if (attribute != null) {
                refuseChange(persister, entry, attribute, current);
            }
        }
    }

    private static void refuseChange(EntityPersister persister, EntityEntry entry, String attribute, Object[] current) {
        int position = persister.findAttributeMapping(attribute).getStateArrayPosition();
        Object loaded = entry.getLoadedState()[position];
        if (!persister.getPropertyTypes()[position].isEqual(current[position], loaded)) {
            throw new HibernateException("softdelete: " + persister.getEntityName() + "#" + attribute
                    + " of the row with id " + entry.getId() + " was changed in memory (the row holds " + loaded
                    + ", the entity " + current[position] + "). This attribute of a @SoftDelete entity is written"
                    + " only by remove(), restore() and the purge: use SoftDeleteSession.restore(...) to bring a row"
                    + " back and remove() to delete one; when merging a detached copy, leave it as the managed"
                    + " entity has it. Nothing of this entity was written.");
        }
    }
}
