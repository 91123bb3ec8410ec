package dev.softdelete.it.support;

import dev.softdelete.hibernate.SoftDeleteSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two threads, each running one transaction in a session of its own, for tests that race two
 * transactions: the first stops at a {@link StatementPause}, the second starts, and the test resumes
 * the first once {@link LockWaits} shows the second blocked (or done). Register it per test
 * ({@code @RegisterExtension final TwoSessions sessions = new TwoSessions(db)}); the threads stop after
 * each test.
 */
public final class TwoSessions implements AfterEachCallback {

    private final TestSessionFactory db;
    private final ExecutorService first = Executors.newSingleThreadExecutor();
    private final ExecutorService second = Executors.newSingleThreadExecutor();

    public TwoSessions(TestSessionFactory db) {
        this.db = db;
    }

    /**
     * Runs the work in a transaction on the first thread, in a session that stops at the pause, and
     * returns once it has stopped there.
     */
    public <T> Future<T> firstUntil(StatementPause pause, Function<SoftDeleteSession, T> work)
            throws InterruptedException {
        Future<T> result = first.submit(() -> {
            try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().withOptions()
                    .statementInspector(pause).openSession())) {
                return session.fromTransaction(tx -> work.apply(session));
            }
        });
        assertThat(pause.awaitPaused()).as("the first transaction reached the pause").isTrue();
        return result;
    }

    /** Runs the work in a transaction on the second thread. */
    public <T> Future<T> second(Function<SoftDeleteSession, T> work) {
        return second.submit(() -> {
            try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
                return session.fromTransaction(tx -> work.apply(session));
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        first.shutdownNow();
        second.shutdownNow();
    }
}
