package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Tells the link-keeping remove coordinator that a {@code StatelessSession.delete()} is under way: a
 * stateless session removes the owner's collection rows before the delete coordinator runs, and has
 * no persistence context to ask. The coordinator keeps the rows of a soft-deletable owner, and removes
 * every row of any other owner, where a rewrite of the same collection would keep the links to
 * deleted elements.
 */
public final class StatelessDeleteListener implements PreDeleteEventListener, PostDeleteEventListener {

    private final SoftDeleteService service;

    public StatelessDeleteListener(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        SharedSessionContractImplementor session = event.getSession();
        EntityPersister persister = event.getPersister();
        if (session.isStateless() && (service.typeOf(persister.getEntityName()) != null || persister.hasOwnedCollections())) {
            service.stateOf(session).beginStatelessDelete(new RowKey(persister.getRootEntityName(), event.getId()));
        }
        return false; // never veto
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        SessionState state = event.getSession().isStateless() ? service.existingStateOf(event.getSession()) : null;
        if (state != null) {
            state.endStatelessDelete();
        }
    }
}
