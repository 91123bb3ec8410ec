package dev.softdelete.it.support;

import dev.softdelete.hibernate.DeleteDeniedException;
import dev.softdelete.hibernate.DeletedParentException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures of a call, and the library's refusal of a child under a deleted parent wherever a commit wrapped it. */
public final class Refusals {

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface ThrowingCall {
        void run() throws Exception;
    }

    private Refusals() {
    }

    /** The {@link DeletedParentException} in the chain of causes; fails the test when there is none. */
    public static DeletedParentException refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeletedParentException deletedParent) {
                return deletedParent;
            }
        }
        throw new AssertionError("no DeletedParentException in " + thrown, thrown);
    }

    /** The {@link DeleteDeniedException} in the chain of causes; fails the test when there is none. */
    public static DeleteDeniedException denial(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeleteDeniedException denied) {
                return denied;
            }
        }
        throw new AssertionError("no DeleteDeniedException in " + thrown, thrown);
    }

    /** What the call threw; fails the test when it returned. */
    public static Throwable thrown(ThrowingCall call) {
        Throwable thrown = thrownOrNull(call);
        assertThat(thrown).as("expected the call to fail").isNotNull();
        return thrown;
    }

    /** What the call threw, or null when it returned. */
    public static Throwable thrownOrNull(ThrowingCall call) {
        try {
            call.run();
            return null;
        }
        catch (Throwable thrown) {
            return thrown;
        }
    }
}
