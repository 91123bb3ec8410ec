package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.internal.DefaultFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;

/** Hibernate's flush listener, with the pre-flush checks of {@link SoftDeletedEntries}, after the
 * cascades of the bulk deletes run since the last flush ({@link BulkDeleteCascades}). */
public final class SoftDeleteFlushEventListener extends DefaultFlushEventListener {

    private final SoftDeleteService service;

    public SoftDeleteFlushEventListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onFlush(FlushEvent event) {
        BulkDeleteCascades.run(event.getSession(), service);
        super.onFlush(event);
    }

    @Override
    protected void preFlush(EventSource session, PersistenceContext persistenceContext) {
        SoftDeletedEntries.whileNotSeenAsDeleted(session, service, () -> super.preFlush(session, persistenceContext));
    }
}
