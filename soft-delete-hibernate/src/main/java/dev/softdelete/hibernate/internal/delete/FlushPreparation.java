package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.collection.ScopeReads;
import dev.softdelete.hibernate.internal.compat.FlushHooks;
import dev.softdelete.hibernate.internal.link.ChildLinkListener;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.event.spi.EventSource;

/**
 * What the library adds to Hibernate's flush and auto-flush: first the cascades of the bulk deletes
 * run since the last flush ({@link BulkDeleteCascades}), then Hibernate's pre-flush checks with the
 * soft-deleted entries kept out of them ({@link SoftDeletedEntries}); once the flush has written, the
 * check of the rows it linked under a cascade ({@link ChildLinkListener}), where the mapping has one.
 */
public final class FlushPreparation implements FlushHooks {

    private final SoftDeleteService service;
    private final ChildLinkListener childLinks;

    /** @param childLinks the check of linked children, or null when no association cascades */
    public FlushPreparation(SoftDeleteService service, ChildLinkListener childLinks) {
        this.service = service;
        this.childLinks = childLinks;
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
    public void afterFlush(EventSource session) {
        if (childLinks != null) {
            childLinks.checkLinked(session);
        }
    }

    @Override
    public void aroundPreFlush(EventSource session, Runnable hibernatePreFlush) {
        SoftDeletedEntries.whileNotSeenAsDeleted(session, service, hibernatePreFlush);
    }
}
