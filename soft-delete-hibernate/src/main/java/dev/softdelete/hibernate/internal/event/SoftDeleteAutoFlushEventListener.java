package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.internal.DefaultAutoFlushEventListener;
import org.hibernate.event.spi.EventSource;

/** Hibernate's auto-flush listener, with the pre-flush checks of {@link SoftDeletedEntries}. */
public final class SoftDeleteAutoFlushEventListener extends DefaultAutoFlushEventListener {

    private final SoftDeleteService service;

    public SoftDeleteAutoFlushEventListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    protected void preFlush(EventSource session, PersistenceContext persistenceContext) {
        SoftDeletedEntries.whileNotSeenAsDeleted(session, service, () -> super.preFlush(session, persistenceContext));
    }
}
