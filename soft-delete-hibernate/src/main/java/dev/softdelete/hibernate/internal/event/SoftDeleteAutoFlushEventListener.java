package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.internal.DefaultAutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.AutoFlushEvent;

/** Hibernate's auto-flush listener, with the pre-flush checks of {@link SoftDeletedEntries}, after the
 * cascades of the bulk deletes run since the last flush ({@link BulkDeleteCascades}). */
public final class SoftDeleteAutoFlushEventListener extends DefaultAutoFlushEventListener {

    private final SoftDeleteService service;

    public SoftDeleteAutoFlushEventListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        BulkDeleteCascades.run(event.getSession(), service);
        super.onAutoFlush(event);
    }

    @Override
    protected void preFlush(EventSource session, PersistenceContext persistenceContext) {
        SoftDeletedEntries.whileNotSeenAsDeleted(session, service, () -> super.preFlush(session, persistenceContext));
    }
}
