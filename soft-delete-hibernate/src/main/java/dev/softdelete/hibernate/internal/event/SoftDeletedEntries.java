package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.session.SessionState;
import dev.softdelete.hibernate.internal.session.SessionState.RowKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Hibernate's pre-flush checks with the entities being soft-deleted in this flush seen as live.
 * The check for references to deleted entities exists because a DELETE would break them; a soft
 * delete keeps the row, so a managed child may go on referencing a soft-deleted parent. Only entries
 * of soft-deletable types whose rows stay are switched, and they are switched back before any other
 * flush work.
 */
final class SoftDeletedEntries {

    private SoftDeletedEntries() {
    }

    static void whileSeenAsLive(EventSource session, SoftDeleteService service, Runnable preFlush) {
        List<EntityEntry> switched = switchToManaged(session, service);
        try {
            preFlush.run();
        }
        finally {
            switched.forEach(entry -> entry.setStatus(Status.DELETED));
        }
    }

    private static List<EntityEntry> switchToManaged(EventSource session, SoftDeleteService service) {
        List<EntityEntry> switched = new ArrayList<>();
        PersistenceContext context = session.getPersistenceContextInternal();
        SessionState state = null;
        for (Map.Entry<Object, EntityEntry> managed : context.reentrantSafeEntityEntries()) {
            EntityEntry entry = managed.getValue();
            if (entry.getStatus() != Status.DELETED || service.typeOf(entry.getEntityName()) == null) {
                continue;
            }
            if (state == null) {
                state = service.stateOf(session);
            }
            if (!state.isHardDeleteRequested(new RowKey(entry.getPersister().getRootEntityName(), entry.getId()))) {
                entry.setStatus(Status.MANAGED);
                switched.add(entry);
            }
        }
        return switched;
    }
}
