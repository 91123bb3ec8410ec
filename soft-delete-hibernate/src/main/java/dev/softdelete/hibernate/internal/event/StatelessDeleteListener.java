package dev.softdelete.hibernate.internal.event;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.session.SessionState.RowKey;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;

/**
 * Tells the link-keeping remove coordinator that a {@code StatelessSession.delete()} of a
 * soft-deletable entity is under way: a stateless session removes the owner's collection rows
 * before the delete coordinator runs, and has no persistence context to ask.
 */
public final class StatelessDeleteListener implements PreDeleteEventListener {

    private final SoftDeleteService service;

    public StatelessDeleteListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        SharedSessionContractImplementor session = event.getSession();
        if (session.isStateless()) {
            SoftDeletableType type = service.typeOf(event.getPersister().getEntityName());
            if (type != null) {
                service.stateOf(session).beginStatelessDelete(new RowKey(type.rootEntityName(), event.getId()));
            }
        }
        return false; // never veto
    }
}
