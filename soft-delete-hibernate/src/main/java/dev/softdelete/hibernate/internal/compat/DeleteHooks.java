package dev.softdelete.hibernate.internal.compat;

import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.entity.EntityPersister;

/** What the library adds to Hibernate's own delete listener (see {@link StandardListeners}). */
public interface DeleteHooks {

    /** Before Hibernate schedules the delete of the event's entity. */
    void beforeDelete(DeleteEvent event);

    /** After Hibernate scheduled it (the entity's entry is DELETED, its deleted state computed). */
    void afterDelete(DeleteEvent event);

    /**
     * Hibernate's row-by-row REMOVE cascade of a deleted entity, before and after the entity itself:
     * run {@code hibernateCascade} to let it happen, or skip it.
     */
    void cascade(EventSource session, EntityPersister persister, Object entity, Runnable hibernateCascade);
}
