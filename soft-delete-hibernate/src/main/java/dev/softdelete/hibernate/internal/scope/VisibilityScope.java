package dev.softdelete.hibernate.internal.scope;

import dev.softdelete.hibernate.SoftDeleteScope;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.ArrayList;
import java.util.List;

/**
 * A visibility scope of one session: switches the marker filters on open. The scopes open in a
 * session form a stack ({@link Stack}); the visibility in effect is always the one of the most
 * recently opened scope that is still open, or the one from before the first scope when none is.
 * So scopes closed out of order ({@code a = unfiltered(); b = onlyDeleted(); a.close(); b.close();})
 * leave the session as it was before {@code a}, and closing a scope twice changes nothing.
 */
public final class VisibilityScope implements SoftDeleteScope {

    private final Stack stack;
    private final Visibility visibility;

    private VisibilityScope(Stack stack, Visibility visibility) {
        this.stack = stack;
        this.visibility = visibility;
    }

    /** Opens a scope on the session's stack of scopes (see {@link SessionState#visibilityScopes()}). */
    public static VisibilityScope open(SharedSessionContractImplementor session, Stack stack, Visibility visibility) {
        return stack.push(session, visibility);
    }

    @Override
    public void close() {
        stack.remove(this);
    }

    /** The visibility scopes open in one session, innermost last; used on the session's own thread. */
    public static final class Stack {

        private final List<VisibilityScope> open = new ArrayList<>();
        private SharedSessionContractImplementor session;
        private Visibility outside;

        private VisibilityScope push(SharedSessionContractImplementor session, Visibility visibility) {
            if (open.isEmpty()) {
                this.session = session;
                this.outside = Visibility.of(session.getLoadQueryInfluencers());
            }
            VisibilityScope scope = new VisibilityScope(this, visibility);
            open.add(scope);
            apply(session, visibility);
            return scope;
        }

        private void remove(VisibilityScope scope) {
            int index = open.lastIndexOf(scope);
            if (index < 0) {
                return;
            }
            open.remove(index);
            apply(session, open.isEmpty() ? outside : open.get(open.size() - 1).visibility);
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
    }
}
