package dev.softdelete.benchmarks;

import dev.softdelete.benchmarks.model.PlainCustomer;
import dev.softdelete.benchmarks.model.SoftCustomer;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The three warm read paths on a soft-deletable entity, in the default scope and inside
 * {@link SoftDeleteSession#unfiltered()}, against the same paths on a plain entity of the same
 * shape. Method names read {@code <operation>_<variant>} so that JMH lists the variants of one
 * operation together.
 * <p>
 * Every invocation ends with {@code session.clear()}, so each {@code find} goes to the database
 * and nothing is served from the persistence context. One session and one transaction stay open
 * for a whole iteration: the figures are ORM and database work, not connection handling.
 */
@BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2) @Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ReadPathBenchmark {

    private static final String PLAIN_BY_EMAIL = "select c from PlainCustomer c where c.email = :e";
    private static final String SOFT_BY_EMAIL = "select c from SoftCustomer c where c.email = :e";

    @Param({"h2", "postgresql"})
    public String db;

    private BenchmarkDatabase database;
    private Session session;
    private SoftDeleteSession softDeleteSession;
    private Transaction transaction;

    private long[] liveIds;
    private String[] liveEmails;
    private int cursor;

    @Setup(Level.Trial)
    public void createDatabase() {
        database = BenchmarkDatabase.create(db);
        liveIds = database.liveCustomerIds();
        liveEmails = new String[liveIds.length];
        for (int i = 0; i < liveIds.length; i++) {
            liveEmails[i] = BenchmarkDatabase.email(liveIds[i]);
        }
    }

    @TearDown(Level.Trial)
    public void dropDatabase() {
        database.close();
    }

    @Setup(Level.Iteration)
    public void openSession() {
        SessionFactory factory = database.factory();
        session = factory.openSession();
        softDeleteSession = SoftDeleteSession.wrap(session);
        transaction = session.beginTransaction();
    }

    @TearDown(Level.Iteration)
    public void closeSession() {
        transaction.rollback();
        session.close();
    }

    // Cycling through the live rows keeps H2 from answering a repeated statement from its result
    // cache, and makes every variant read the same rows.
    private int next() {
        int i = cursor;
        cursor = i + 1 == liveIds.length ? 0 : i + 1;
        return i;
    }

    // ~~~ select c from X c where c.email = :e ~~~

    @Benchmark
    public Object hqlByEmail_plain() {
        return byEmail(PLAIN_BY_EMAIL, PlainCustomer.class);
    }

    @Benchmark
    public Object hqlByEmail_soft() {
        return byEmail(SOFT_BY_EMAIL, SoftCustomer.class);
    }

    @Benchmark
    public Object hqlByEmail_softUnfiltered() {
        try (SoftDeleteScope all = softDeleteSession.unfiltered()) {
            return byEmail(SOFT_BY_EMAIL, SoftCustomer.class);
        }
    }

    private <T> T byEmail(String hql, Class<T> type) {
        T found = session.createSelectionQuery(hql, type).setParameter("e", liveEmails[next()]).getSingleResult();
        session.clear();
        return found;
    }

    // ~~~ find, change, flush: the entity UPDATE (the soft one adds "and (deleted_at is null)") ~~~

    @Benchmark
    public Object update_plain() {
        return update(PlainCustomer.class, PlainCustomer::setName);
    }

    @Benchmark
    public Object update_soft() {
        return update(SoftCustomer.class, SoftCustomer::setName);
    }

    private <T> T update(Class<T> type, java.util.function.BiConsumer<T, String> rename) {
        int i = next();
        T found = session.find(type, liveIds[i]);
        rename.accept(found, "renamed " + cursor);
        session.flush();
        session.clear();
        return found;
    }

    // ~~~ session.find(X.class, id) ~~~

    @Benchmark
    public Object find_plain() {
        return find(PlainCustomer.class);
    }

    @Benchmark
    public Object find_soft() {
        return find(SoftCustomer.class);
    }

    @Benchmark
    public Object find_softUnfiltered() {
        try (SoftDeleteScope all = softDeleteSession.unfiltered()) {
            return find(SoftCustomer.class);
        }
    }

    private <T> T find(Class<T> type) {
        T found = session.find(type, liveIds[next()]);
        session.clear();
        return found;
    }

    // ~~~ find, then initialise the lazy orders collection ~~~

    @Benchmark
    public int findWithOrders_plain() {
        PlainCustomer customer = session.find(PlainCustomer.class, liveIds[next()]);
        Hibernate.initialize(customer.getOrders());
        int size = customer.getOrders().size();
        session.clear();
        return size;
    }

    @Benchmark
    public int findWithOrders_soft() {
        return softFindWithOrders();
    }

    @Benchmark
    public int findWithOrders_softUnfiltered() {
        try (SoftDeleteScope all = softDeleteSession.unfiltered()) {
            return softFindWithOrders();
        }
    }

    private int softFindWithOrders() {
        SoftCustomer customer = session.find(SoftCustomer.class, liveIds[next()]);
        Hibernate.initialize(customer.getOrders());
        int size = customer.getOrders().size();
        session.clear();
        return size;
    }
}
