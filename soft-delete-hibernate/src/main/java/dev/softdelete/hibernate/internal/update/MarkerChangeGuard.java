package dev.softdelete.hibernate.internal.update;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.persister.entity.EntityPersister;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Refuses, at flush, a change made in memory to the marker, actor or reason of a managed entity.
 * Entity UPDATEs never write these attributes (bootstrap makes them non-updatable, so that a stale copy
 * cannot undo a delete); without this check, {@code entity.setDeletedAt(null)} in place of a restore
 * would be dropped without a word. Runs after Hibernate's own listener, which has read the state.
 */
public final class MarkerChangeGuard implements FlushEntityEventListener {

    private final SoftDeleteService service;
    // per entity name: the state positions of marker, actor and reason (empty: not soft-deletable);
    // the guard runs for every managed entity at every flush, so they are looked up once
    private final Map<String, int[]> positions = new ConcurrentHashMap<>();

    public MarkerChangeGuard(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onFlushEntity(FlushEntityEvent event) throws HibernateException {
        EntityEntry entry = event.getEntityEntry();
        if (entry.getStatus() != Status.MANAGED || entry.isReadOnly() || entry.getLoadedState() == null) {
            return;
        }
        EntityPersister persister = entry.getPersister();
        int[] guarded = positions.computeIfAbsent(entry.getEntityName(), name -> positionsOf(persister));
        if (guarded.length == 0) {
            return;
        }
        Object[] current = event.getPropertyValues() != null ? event.getPropertyValues()
                : persister.getValues(event.getEntity());
        for (int position : guarded) {
            Object loaded = entry.getLoadedState()[position];
            if (!persister.getPropertyTypes()[position].isEqual(current[position], loaded)) {
                throw changed(persister, entry, position, loaded, current[position]);
            }
        }
    }

    private int[] positionsOf(EntityPersister persister) {
        SoftDeletableType type = service.typeOf(persister.getEntityName());
        if (type == null) {
            return new int[0];
        }
        return Stream.of(type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute())
                .filter(Objects::nonNull)
                .mapToInt(attribute -> persister.findAttributeMapping(attribute).getStateArrayPosition())
                .toArray();
    }

    private static HibernateException changed(EntityPersister persister, EntityEntry entry, int position, Object loaded,
            Object current) {
        String attribute = persister.getPropertyNames()[position];
        return new HibernateException("softdelete: " + persister.getEntityName() + "#" + attribute
                + " of the row with id " + entry.getId() + " was changed in memory (the row holds " + loaded
                + ", the entity " + current + "). This attribute of a @SoftDelete entity is written"
                + " only by remove(), restore() and the purge: use SoftDeleteSession.restore(...) to bring a row"
                + " back and remove() to delete one; when merging a detached copy, leave it as the managed"
                + " entity has it. Nothing of this entity was written.");
    }
}
