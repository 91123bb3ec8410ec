package dev.softdelete.hibernate.internal.read;

import dev.softdelete.hibernate.internal.collection.ScopeReads;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.scope.VisibilityScope;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.ObjectNotFoundException;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

import java.util.function.Consumer;

/**
 * Wraps Hibernate's load listener to give each kind of load its soft-delete semantics:
 * <ul>
 * <li>{@code find()}/{@code get}: the session's visibility also applies to instances served from the
 * persistence context or the second-level cache, which Hibernate returns without running the
 * restricted loader (an instance loaded inside {@code unfiltered()} is not found once it closes);</li>
 * <li>association fetches and proxy initialisation: the row exists and is referenced, so it loads
 * whatever its state. The restricted (cached) loader runs first; only when it finds nothing is the
 * load repeated without restriction, so live targets pay nothing.</li>
 * </ul>
 */
public final class VisibilityLoadListener implements LoadEventListener {

    private final LoadEventListener delegate;
    private final SoftDeleteService service;
    private final Consumer<EventSource> pendingWrites;

    /**
     * @param pendingWrites runs what the session owes the database before a load by id can answer
     *                      right: the cascades of bulk deletes run since the last flush, which a
     *                      query's auto-flush would run too
     */
    public VisibilityLoadListener(LoadEventListener delegate, SoftDeleteService service,
            Consumer<EventSource> pendingWrites) {
        this.delegate = delegate;
        this.service = service;
        this.pendingWrites = pendingWrites;
    }

    @Override
    // the scope is opened for its effect on the load inside it
    @SuppressWarnings("try")
    public void onLoad(LoadEvent event, LoadType loadType) {
        boolean softDeletable = service.typeOf(event.getEntityClassName()) != null;
        if (softDeletable) {
            pendingWrites.accept(event.getSession());
        }
        if (loadType == GET) {
            delegate.onLoad(event, loadType);
            hideInvisibleResult(event);
            return;
        }
        if (!softDeletable || Visibility.of(event.getSession().getLoadQueryInfluencers()) == Visibility.ALL) {
            delegate.onLoad(event, loadType);
            return;
        }
        try {
            delegate.onLoad(event, loadType);
            if (event.getResult() != null) {
                return;
            }
        }
        catch (ObjectNotFoundException possiblyHiddenByVisibility) {
            // retried below without restriction; a row that really is missing fails there again
        }
        try (VisibilityScope all = VisibilityScope.open(event.getSession(),
                service.stateOf(event.getSession()).visibilityScopes(), Visibility.ALL)) {
            delegate.onLoad(event, loadType);
        }
        if (event.getResult() != null) {
            // only the referenced row is read whatever its state; its eager collections follow the session
            ScopeReads.unreadCollectionsOf(event.getResult(), event.getSession());
        }
    }

    private void hideInvisibleResult(LoadEvent event) {
        Object result = event.getResult();
        if (result != null && !VisibleReads.isVisible(result,
                Visibility.of(event.getSession().getLoadQueryInfluencers()), event.getSession(), service)) {
            event.setResult(null);
        }
    }
}
