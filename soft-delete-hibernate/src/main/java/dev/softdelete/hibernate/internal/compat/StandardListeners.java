package dev.softdelete.hibernate.internal.compat;

import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.internal.DefaultAutoFlushEventListener;
import org.hibernate.event.internal.DefaultDeleteEventListener;
import org.hibernate.event.internal.DefaultFlushEventListener;
import org.hibernate.event.internal.DefaultLoadEventListener;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The library's hooks in Hibernate's own delete, flush, auto-flush and load listeners. Why internal:
 * a soft delete must keep everything Hibernate's delete and flush do (entity states, orphan removal,
 * action queue, pre-flush checks) and change two steps inside them: the row-by-row REMOVE cascade
 * and the pre-flush check that nulls references to deleted entities. Only subclasses of the
 * {@code Default*EventListener} classes can reach those steps; listeners of the application, and
 * subclasses of Hibernate's listeners that the application installed, are left alone.
 */
public final class StandardListeners {

    private StandardListeners() {
    }

    /** Puts the hooks into the factory's delete, flush and auto-flush listeners. */
    public static void install(EventListenerRegistry registry, DeleteHooks delete, FlushHooks flush) {
        replace(registry.getEventListenerGroup(EventType.DELETE), DefaultDeleteEventListener.class, new Delete(delete));
        replace(registry.getEventListenerGroup(EventType.FLUSH), DefaultFlushEventListener.class, new Flush(flush));
        replace(registry.getEventListenerGroup(EventType.AUTO_FLUSH), DefaultAutoFlushEventListener.class,
                new AutoFlush(flush));
    }

    /** Wraps Hibernate's own load listener; load listeners of the application stay as they are. */
    // listeners() is deprecated as slow for firing events; here it runs once, at boot, to rebuild the group
    @SuppressWarnings("deprecation")
    public static void wrapLoad(EventListenerRegistry registry, UnaryOperator<LoadEventListener> wrapper) {
        EventListenerGroup<LoadEventListener> group = registry.getEventListenerGroup(EventType.LOAD);
        List<LoadEventListener> listeners = new ArrayList<>();
        for (LoadEventListener listener : group.listeners()) {
            listeners.add(listener instanceof DefaultLoadEventListener ? wrapper.apply(listener) : listener);
        }
        group.clearListeners();
        listeners.forEach(group::appendListener);
    }

    // listeners() is deprecated as slow for firing events; here it runs once, at boot, to rebuild the group
    @SuppressWarnings("deprecation")
    private static <T> void replace(EventListenerGroup<T> group, Class<?> hibernateListener, T replacement) {
        List<T> listeners = new ArrayList<>();
        for (T listener : group.listeners()) {
            // exactly Hibernate's class: a subclass of it belongs to the application, which we leave alone
            listeners.add(listener.getClass() == hibernateListener ? replacement : listener);
        }
        group.clearListeners();
        listeners.forEach(group::appendListener);
    }

    private static final class Delete extends DefaultDeleteEventListener {

        private final DeleteHooks hooks;

        Delete(DeleteHooks hooks) {
            this.hooks = hooks;
        }

        @Override
        public void onDelete(DeleteEvent event) {
            hooks.beforeDelete(event);
            super.onDelete(event);
            hooks.afterDelete(event);
        }

        @Override
        public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
            hooks.beforeDelete(event);
            super.onDelete(event, transientEntities);
            hooks.afterDelete(event);
        }

        @Override
        protected void cascadeBeforeDelete(EventSource session, EntityPersister persister, Object entity,
                DeleteContext transientEntities) {
            hooks.cascade(session, persister, entity,
                    () -> super.cascadeBeforeDelete(session, persister, entity, transientEntities));
        }

        @Override
        protected void cascadeAfterDelete(EventSource session, EntityPersister persister, Object entity,
                DeleteContext transientEntities) {
            hooks.cascade(session, persister, entity,
                    () -> super.cascadeAfterDelete(session, persister, entity, transientEntities));
        }
    }

    private static final class Flush extends DefaultFlushEventListener {

        private final FlushHooks hooks;

        Flush(FlushHooks hooks) {
            this.hooks = hooks;
        }

        @Override
        public void onFlush(FlushEvent event) {
            hooks.beforeFlush(event.getSession());
            super.onFlush(event);
            hooks.afterFlush(event.getSession());
        }

        @Override
        protected void preFlush(EventSource session, PersistenceContext persistenceContext) {
            hooks.aroundPreFlush(session, () -> super.preFlush(session, persistenceContext));
        }
    }

    private static final class AutoFlush extends DefaultAutoFlushEventListener {

        private final FlushHooks hooks;

        AutoFlush(FlushHooks hooks) {
            this.hooks = hooks;
        }

        @Override
        public void onAutoFlush(AutoFlushEvent event) {
            hooks.beforeFlush(event.getSession());
            super.onAutoFlush(event);
            hooks.afterFlush(event.getSession());
        }

        @Override
        protected void preFlush(EventSource session, PersistenceContext persistenceContext) {
            hooks.aroundPreFlush(session, () -> super.preFlush(session, persistenceContext));
        }
    }
}
