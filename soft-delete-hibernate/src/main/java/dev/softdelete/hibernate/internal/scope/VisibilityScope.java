package dev.softdelete.hibernate.internal.scope;

import dev.softdelete.hibernate.SoftDeleteScope;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A visibility scope of one session: switches the visibility's fetch profile on open. The scopes open in a
 * session form a stack ({@link Stack}); the visibility in effect is always the one of the most
 * recently opened scope that is still open, or the one from before the first scope when none is.
 * So scopes closed out of order ({@code a = unfiltered(); b = onlyDeleted(); a.close(); b.close();})
 * leave the session as it was before {@code a}, and closing a scope twice changes nothing.
 */
public final class VisibilityScope implements SoftDeleteScope {

    private static final Supplier<Runnable> NOTHING_AROUND = () -> () -> { };

    private final Stack stack;
    private final Visibility visibility;
    private Runnable afterClose = () -> { };

    private VisibilityScope(Stack stack, Visibility visibility) {
        this.stack = stack;
        this.visibility = visibility;
    }

    /**
     * Opens one of the library's own scopes on the session's stack of scopes (see
     * {@link SessionState#visibilityScopes()}), around a load or a statement of its own.
     */
    public static VisibilityScope open(SharedSessionContractImplementor session, Stack stack, Visibility visibility) {
        return open(session, stack, visibility, NOTHING_AROUND);
    }

    /**
     * Opens a scope for the user's code. {@code around} runs once the scope's visibility is in effect,
     * and returns what to run once the scope has closed and the next visibility is in effect.
     */
    public static VisibilityScope open(SharedSessionContractImplementor session, Stack stack, Visibility visibility,
            Supplier<Runnable> around) {
        VisibilityScope scope = stack.push(session, visibility);
        scope.afterClose = around.get();
        return scope;
    }

    @Override
    public void close() {
        if (stack.remove(this)) {
            afterClose.run();
        }
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

        private boolean remove(VisibilityScope scope) {
            int index = open.lastIndexOf(scope);
            if (index < 0) {
                return false;
            }
            open.remove(index);
            apply(session, open.isEmpty() ? outside : open.get(open.size() - 1).visibility);
            return true;
        }

        private static void apply(SharedSessionContractImplementor session, Visibility visibility) {
            LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
            for (Visibility admin : new Visibility[] {Visibility.ALL, Visibility.DELETED}) {
                if (admin != visibility) {
                    influencers.disableFetchProfile(admin.profileName());
                }
            }
            if (visibility.profileName() != null) {
                influencers.enableFetchProfile(visibility.profileName());
            }
        }
    }
}
