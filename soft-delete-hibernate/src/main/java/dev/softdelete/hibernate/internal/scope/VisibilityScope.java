package dev.softdelete.hibernate.internal.scope;

import dev.softdelete.hibernate.SoftDeleteScope;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A visibility scope of one session: switches the marker filters on open, and back to what they
 * were on close.
 */
public final class VisibilityScope implements SoftDeleteScope {

    private final SharedSessionContractImplementor session;
    private final Visibility previous;
    private boolean closed;

    private VisibilityScope(SharedSessionContractImplementor session, Visibility previous) {
        this.session = session;
        this.previous = previous;
    }

    public static VisibilityScope open(SharedSessionContractImplementor session, Visibility visibility) {
        Visibility previous = Visibility.of(session.getLoadQueryInfluencers());
        apply(session, visibility);
        return new VisibilityScope(session, previous);
    }

    private static void apply(SharedSessionContractImplementor session, Visibility visibility) {
        for (Visibility admin : new Visibility[] {Visibility.ALL, Visibility.DELETED}) {
            if (admin != visibility) {
                session.disableFilter(admin.filterName());
            }
        }
        if (visibility.filterName() != null) {
            session.enableFilter(visibility.filterName());
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            apply(session, previous);
        }
    }
}
