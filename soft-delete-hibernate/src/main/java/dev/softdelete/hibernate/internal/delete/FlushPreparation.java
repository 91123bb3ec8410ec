package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.collection.ScopeReads;
import dev.softdelete.hibernate.internal.compat.FlushHooks;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.event.spi.EventSource;

/**
 * What the library adds to Hibernate's flush and auto-flush: first the cascades of the bulk deletes
 * run since the last flush ({@link BulkDeleteCascades}), then Hibernate's pre-flush checks with the
 * soft-deleted entries kept out of them ({@link SoftDeletedEntries}).
 */
public final class FlushPreparation implements FlushHooks {

    private final SoftDeleteService service;

    public FlushPreparation(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void beforeFlush(EventSource session) {
        SessionState state = service.hasSeenUserScopes() ? service.existingStateOf(session) : null;
        if (state != null) {
            ScopeReads.checkScopeViewsUnchanged(state);
        }
        BulkDeleteCascades.run(session, service);
    }

    @Override
    public void aroundPreFlush(EventSource session, Runnable hibernatePreFlush) {
        SoftDeletedEntries.whileNotSeenAsDeleted(session, service, hibernatePreFlush);
    }
}
