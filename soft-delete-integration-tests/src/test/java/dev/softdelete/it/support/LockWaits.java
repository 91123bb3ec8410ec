package dev.softdelete.it.support;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Forces the interleaving of two transactions: waits until the other transaction either ended or is
 * blocked on a row lock, as the database's own catalog reports it, so that a test never hopes for an
 * order with a sleep.
 */
public final class LockWaits {

    private static final long POLL_MILLIS = 20;

    private LockWaits() {
    }

    /**
     * Waits until {@code other} is done or some session of the database waits for a lock.
     *
     * @return true if a lock waiter was seen, false if {@code other} ended first
     * @throws TimeoutException if neither happened within the bound
     */
    public static boolean awaitBlockedOrDone(TestSessionFactory db, Future<?> other, long timeout, TimeUnit unit)
            throws TimeoutException, InterruptedException {
        return awaitBlockedOrDone(db, other, () -> false, timeout, unit);
    }

    /**
     * Waits until {@code other} is done, some session of the database waits for a lock, or
     * {@code paused} holds (the other thread stopped at a point the test chose).
     *
     * @return true if a lock waiter was seen or {@code paused} holds, false if {@code other} ended first
     * @throws TimeoutException if none of these happened within the bound
     */
    public static boolean awaitBlockedOrDone(TestSessionFactory db, Future<?> other, BooleanSupplier paused,
            long timeout, TimeUnit unit) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (other.isDone()) {
                return false;
            }
            if (paused.getAsBoolean() || waiters(db) > 0) {
                return true;
            }
            Thread.sleep(POLL_MILLIS); // polling a catalog, not ordering: the order comes from the lock
        }
        throw new TimeoutException("neither ended nor blocked on a lock within " + timeout + " " + unit);
    }

    /** The number of sessions of this database waiting for a row lock now. */
    public static long waiters(TestSessionFactory db) {
        String sql = switch (TestDatabase.current()) {
            case H2 -> "select count(*) as n from information_schema.sessions where blocker_id is not null";
            case POSTGRESQL -> "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database()";
            // a locking read waiting during optimisation does not show in innodb_trx: a statement of another
            // session running this long on the tests' tiny tables is one waiting for a lock
            case MARIADB -> "select count(*) as n from information_schema.processlist where db = database()"
                    + " and command = 'Query' and id <> connection_id() and time_ms > 300";
        };
        return ((Number) db.rows(sql).get(0).get("n")).longValue();
    }
}
