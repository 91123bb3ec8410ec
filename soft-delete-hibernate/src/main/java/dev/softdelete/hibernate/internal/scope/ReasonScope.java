package dev.softdelete.hibernate.internal.scope;

import dev.softdelete.hibernate.SoftDeleteScope;

/**
 * A reason scope: the reason is recorded for the removes of the session until {@link #close()}.
 */
public final class ReasonScope implements SoftDeleteScope {

    private final SessionState state;
    private final String reason;
    private boolean closed;

    public ReasonScope(SessionState state, String reason) {
        this.state = state;
        this.reason = reason;
        state.pushReason(reason);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            state.popReason(reason);
        }
    }
}
