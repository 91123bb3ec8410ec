package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.session.SessionState;
import dev.softdelete.hibernate.internal.session.SessionState.BulkCascade;
import org.hibernate.event.spi.EventSource;

/**
 * Runs the cascades of the bulk deletes executed since the last flush. Hibernate offers no hook after
 * a bulk statement, so the statement registers its cascade when its instant is bound, and the next
 * flush or auto-flush (before a query, at commit) runs it: set-based, from the rows carrying that
 * instant. A bulk delete that failed marked nothing, so its cascade finds nothing to do.
 */
final class BulkDeleteCascades {

    private BulkDeleteCascades() {
    }

    static void run(EventSource session, SoftDeleteService service) {
        SessionState state = service.existingStateOf(session);
        if (state == null) {
            return; // most flushes: the session never deleted anything
        }
        for (BulkCascade cascade : state.takeBulkCascades()) {
            new CascadeRunner(session, service).softDeleteFromMarked(
                    session.getFactory().getMappingMetamodel().getEntityDescriptor(cascade.entityName()),
                    cascade.instant(), cascade.request());
        }
    }
}
