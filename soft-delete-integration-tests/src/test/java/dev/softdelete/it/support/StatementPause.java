package dev.softdelete.it.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A statement inspector ({@code SessionBuilder.statementInspector}) that stops its session's thread
 * before the n-th statement that matches, until the test resumes it: forces an interleaving at a point
 * inside one library call, where a latch in the test's own code cannot reach.
 */
public final class StatementPause implements UnaryOperator<String> {

    private static final long BOUND_SECONDS = 30;

    private final Predicate<String> matches;
    private final int occurrence;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    private StatementPause(Predicate<String> matches, int occurrence) {
        this.matches = matches;
        this.occurrence = occurrence;
    }

    /** Pauses before the {@code occurrence}-th statement (counting from 1) whose SQL matches. */
    public static StatementPause before(int occurrence, Predicate<String> matches) {
        return new StatementPause(matches, occurrence);
    }

    /** Hibernate's statement inspector hook: sees each statement before it is prepared. */
    @Override
    public String apply(String sql) {
        if (matches.test(sql) && seen.incrementAndGet() == occurrence) {
            paused.countDown();
            try {
                resume.await(BOUND_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sql;
    }

    /** Whether the session has stopped at the statement. */
    public boolean isPaused() {
        return paused.getCount() == 0;
    }

    /** Waits until the session stops at the statement; false if it did not within the bound. */
    public boolean awaitPaused() throws InterruptedException {
        return paused.await(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets the session go on. */
    public void resume() {
        resume.countDown();
    }
}
