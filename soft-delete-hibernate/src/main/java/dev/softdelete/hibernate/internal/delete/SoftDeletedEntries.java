package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Hibernate's pre-flush checks with the entities being soft-deleted in this flush not seen as
 * deleted. The check for references to deleted entities exists because a DELETE would break them; a
 * soft delete keeps the row, so a managed child may go on referencing a soft-deleted parent.
 * The entries are parked in {@code LOADING} state: neither deleted (the check passes), nor flushable
 * (no flush-time persist cascades from them, which would cancel other pending deletes). Only entries
 * of soft-deletable types whose rows stay are parked; each gets back its status and the previous
 * status Hibernate reads to tell a read-only entity, before any other flush work.
 */
final class SoftDeletedEntries {

    private SoftDeletedEntries() {
    }

    /** An entry parked during the checks, and the status it had before it was deleted. */
    private record Parked(EntityEntry entry, Status beforeDelete) {
    }

    static void whileNotSeenAsDeleted(EventSource session, SoftDeleteService service, Runnable preFlush) {
        List<Parked> parked = park(session, service);
        try {
            preFlush.run();
        }
        finally {
            for (Parked p : parked) {
                p.entry().setStatus(p.beforeDelete());
                p.entry().setStatus(Status.DELETED);
            }
        }
    }

    private static List<Parked> park(EventSource session, SoftDeleteService service) {
        List<Parked> parked = new ArrayList<>();
        if (session.getActionQueue().numberOfDeletions() == 0) {
            return parked; // the common flush: nothing is being deleted, no entry to look at
        }
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
                // a deleted entry that is not modifiable was read-only before (isModifiableEntity)
                boolean wasReadOnly = entry.getPersister().isMutable() && !entry.isModifiableEntity();
                parked.add(new Parked(entry, wasReadOnly ? Status.READ_ONLY : Status.MANAGED));
                entry.setStatus(Status.LOADING);
            }
        }
        return parked;
    }
}
