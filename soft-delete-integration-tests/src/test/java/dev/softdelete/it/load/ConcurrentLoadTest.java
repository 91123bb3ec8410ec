package dev.softdelete.it.load;

import dev.softdelete.hibernate.PurgeException;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.LoadCustomer;
import dev.softdelete.it.model.LoadLine;
import dev.softdelete.it.model.LoadOrder;
import dev.softdelete.it.model.LoadTag;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight threads run random operations over one graph with real foreign keys (customers → orders →
 * lines, customers ↔ tags through a bag): removes with their cascade, bulk deletes, restores, purges
 * with retention zero, ordinary unversioned updates of copies that other threads may delete meanwhile,
 * fetch joins, tag links added to bags whose other tags may be deleted. Afterwards, read by plain JDBC: no row deleted
 * by a committed operation is live again unless a restore could reach it, no live child sits under a
 * deleted parent, no committed link is gone unless the purge took an end of it, no row is gone that no
 * committed operation deleted, and every failure is one of the documented, retryable
 * kinds. {@code -Dsoftdelete.load.ops} (operations per thread, default 2,000) and
 * {@code -Dsoftdelete.load.seed} reproduce a run; the counts are printed. {@code -Dsoftdelete.load.minutes=10}
 * turns it into a long run that samples heap and statements every 30 seconds ({@link LoadSampler}).
 */
class ConcurrentLoadTest {

    private static final int THREADS = 8;
    private static final int OPS = Integer.getInteger("softdelete.load.ops", 2000);
    private static final long SEED = Long.getLong("softdelete.load.seed", 20261203L);
    /** Opt-in long run: the threads work for this many minutes instead of {@link #OPS} operations. */
    private static final int MINUTES = Integer.getInteger("softdelete.load.minutes", 0);
    private static final int CUSTOMERS = 40;
    /** Customers 1..20 (and what they own) may be restored; 21..40 never are: once deleted, they stay. */
    private static final int RESTORABLE = 20;
    private static final int TAGS = 10;

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LoadCustomer.class, LoadOrder.class, LoadLine.class,
            LoadTag.class).with(SoftDeleteSettings.RETENTION_DEFAULT, "PT0.001S") // as good as zero: must be positive
            .with(org.hibernate.cfg.AvailableSettings.GENERATE_STATISTICS, true);

    private final Map<String, LongAdder> tally = new ConcurrentHashMap<>();
    /** Rows of never-restored customers that a committed operation deleted: "customer:21", "order:213", ... */
    private final Set<String> deletedForGood = ConcurrentHashMap.newKeySet();
    /** Every row a committed operation marked (or may have: a cascade's rows are all counted), any customer. */
    private final Set<String> everDeleted = ConcurrentHashMap.newKeySet();
    /**
     * customer id * 100 + tag id of every link committed, with the {@link #sequence} number its
     * transaction took while it held the customer's row (0 for the links of the initial graph).
     */
    private final Map<Long, Long> links = new ConcurrentHashMap<>();
    /**
     * Customer id: the sequence number taken by the last transaction that recreated it after the purge had
     * taken it, and its links with it (the new row starts without tags). A link committed before that
     * number is gone with the purged row, not lost.
     */
    private final Map<Long, Long> recreated = new ConcurrentHashMap<>();
    /** Orders link commits and recreations by what their transactions saw, not by when their threads resumed. */
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Long> purgedRows = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LongAdder operations = new LongAdder();

    private static long orderId(long customer, int k) {
        return customer * 10 + k;
    }

    private static long lineId(long order, int j) {
        return order * 10 + j;
    }

    private static LoadCustomer newCustomer(long c) {
        LoadCustomer customer = new LoadCustomer(c, "customer " + c);
        for (int k = 1; k <= 3; k++) {
            LoadOrder order = customer.order(orderId(c, k));
            order.line(lineId(orderId(c, k), 1));
            order.line(lineId(orderId(c, k), 2));
        }
        return customer;
    }

    private void graph() {
        db.inTransaction(s -> {
            List<LoadTag> tags = new ArrayList<>();
            for (long t = 1; t <= TAGS; t++) {
                LoadTag tag = new LoadTag(t);
                s.persist(tag);
                tags.add(tag);
            }
            for (long c = 1; c <= CUSTOMERS; c++) {
                LoadCustomer customer = newCustomer(c);
                for (int t = 0; t < 2; t++) {
                    LoadTag tag = tags.get((int) ((c + t * 3) % TAGS));
                    customer.getTags().add(tag);
                    links.put(c * 100 + tag.getId(), 0L);
                }
                s.persist(customer);
            }
        });
    }

    @Test
    void eightThreadsLoseNothingResurrectNothingAndLeaveNoLiveChildUnderADeletedParent() throws Exception {
        graph();
        db.sql().reset(); // the recorder would keep every statement of the run
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(SEED + t);
            workers.add(pool.submit(() -> {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
                for (int i = 0; MINUTES > 0 ? System.nanoTime() < deadline : i < OPS; i++) {
                    step(random);
                    operations.increment();
                }
                return null;
            }));
        }
        // the test's statement recorder keeps every statement: the sampler empties it, or it would be the leak
        LoadSampler sampler = MINUTES > 0 ? LoadSampler.start(db.sessionFactory(), operations, 30, db.sql()::reset) : null;
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(10 + MINUTES, TimeUnit.MINUTES);
        }
        pool.shutdown();
        if (sampler != null) {
            sampler.stopAndCheck();
        }

        long resurrected = deletedForGood.stream().filter(this::isLive).count();
        long liveOrdersUnderDeletedCustomers = count("select count(*) as n from load_order o join load_customer c"
                + " on c.id = o.customer_id where o.deleted_at is null and c.deleted_at is not null");
        long liveLinesUnderDeletedOrders = count("select count(*) as n from load_line l join load_order o"
                + " on o.id = l.order_id where l.deleted_at is null and o.deleted_at is not null");
        Set<Long> linkRows = new java.util.HashSet<>();
        db.rows("select load_customer_id as c, tags_id as t from load_customer_tag").forEach(row ->
                linkRows.add(((Number) row.get("c")).longValue() * 100 + ((Number) row.get("t")).longValue()));
        // a purged customer or tag takes its links with it (a purged customer recreated since has none of them)
        List<Long> lost = links.entrySet().stream().filter(link -> !linkRows.contains(link.getKey())
                        && exists("customer", link.getKey() / 100) && exists("tag", link.getKey() % 100)
                        && link.getValue() > recreated.getOrDefault(link.getKey() / 100, -1L))
                .map(Map.Entry::getKey).toList();
        long linksLost = lost.size();
        long linksGoneWithRecreatedCustomers = links.entrySet().stream()
                .filter(link -> !linkRows.contains(link.getKey())
                        && link.getValue() <= recreated.getOrDefault(link.getKey() / 100, -1L))
                .count();
        List<String> goneNeverDeleted = everyRowOfTheGraph().stream()
                .filter(row -> !everDeleted.contains(row) && !exists(row.split(":")[0], Long.parseLong(row.split(":")[1])))
                .toList();
        long purged = purgedRows.stream().mapToLong(Long::longValue).sum();

        System.out.printf("softdelete load on %s: %d threads x %s, seed %d%n  operations and outcomes: %s%n"
                        + "  resurrected %d, live orders under deleted customers %d, live lines under deleted orders %d,"
                        + " links lost %d of %d (gone with a purged customer since recreated: %d), rows purged %d,"
                        + " rows gone that no operation deleted %d,"
                        + " unexpected failures %d%n",
                dev.softdelete.it.support.TestDatabase.current(), THREADS,
                MINUTES > 0 ? MINUTES + " minutes (" + operations.sum() + " operations)" : OPS + " operations", SEED,
                new TreeMap<>(tally), resurrected, liveOrdersUnderDeletedCustomers, liveLinesUnderDeletedOrders,
                linksLost, links.size(), linksGoneWithRecreatedCustomers, purged, goneNeverDeleted.size(),
                unexpected.size());
        lost.forEach(link -> System.out.printf("  lost link: customer %d, tag %d%n", link / 100, link % 100));
        assertThat(unexpected).as("failures of undocumented kinds").isEmpty();
        assertThat(resurrected).as("rows live again that no restore could reach").isZero();
        assertThat(liveOrdersUnderDeletedCustomers).isZero();
        assertThat(liveLinesUnderDeletedOrders).isZero();
        assertThat(linksLost).as("committed links gone").isZero();
        assertThat(goneNeverDeleted).as("rows gone that no committed operation deleted").isEmpty();
        assertThat(deletedForGood).as("the load deleted something").isNotEmpty();
    }

    private long count(String sql) {
        return ((Number) db.rows(sql).get(0).get("n")).longValue();
    }

    private boolean exists(String table, long id) {
        return !db.rows("select id from load_" + table + " where id = ?", id).isEmpty();
    }

    private static List<String> everyRowOfTheGraph() {
        List<String> rows = new ArrayList<>();
        for (long t = 1; t <= TAGS; t++) {
            rows.add("tag:" + t);
        }
        for (long c = 1; c <= CUSTOMERS; c++) {
            rows.add("customer:" + c);
            for (int k = 1; k <= 3; k++) {
                rows.add("order:" + orderId(c, k));
                rows.add("line:" + lineId(orderId(c, k), 1));
                rows.add("line:" + lineId(orderId(c, k), 2));
            }
        }
        return rows;
    }

    private boolean isLive(String row) {
        String[] parts = row.split(":");
        return db.rows("select deleted_at from load_" + parts[0] + " where id = ?", Long.parseLong(parts[1])).stream()
                .anyMatch(r -> r.get("deleted_at") == null);
    }

    private void step(Random random) {
        long customer = 1 + random.nextInt(CUSTOMERS);
        long order = orderId(customer, 1 + random.nextInt(3));
        long line = lineId(order, 1 + random.nextInt(2));
        long restorable = 1 + random.nextInt(RESTORABLE);
        long tag = 1 + random.nextInt(TAGS);
        int pause = random.nextInt(3);
        int pick = random.nextInt(100);
        String operation = pick < 10 ? "remove customer" : pick < 20 ? "remove order" : pick < 25 ? "bulk delete order"
                : pick < 35 ? "restore customer" : pick < 40 ? "restore order" : pick < 55 ? "update customer"
                : pick < 65 ? "update line" : pick < 70 ? "update order after fetch join" : pick < 80 ? "add tag"
                : pick < 85 ? "remove tag" : pick < 90 ? "restore tag" : pick < 93 ? "recreate purged customer"
                : pick < 98 ? "update stale customer copy" : "purge";
        try {
            String outcome = switch (operation) {
                case "remove customer" -> inTransaction(s -> {
                    LoadCustomer found = s.find(LoadCustomer.class, customer);
                    if (found == null) {
                        return "absent";
                    }
                    s.remove(found);
                    return "done";
                }, () -> deletedForGood(customer));
                case "remove order" -> inTransaction(s -> {
                    LoadOrder found = s.find(LoadOrder.class, order);
                    if (found == null) {
                        return "absent";
                    }
                    s.remove(found);
                    return "done";
                }, () -> orderDeletedForGood(customer, order));
                case "bulk delete order" -> inTransaction(s -> s.createMutationQuery(
                        "delete from LoadOrder o where o.id = :id").setParameter("id", order).executeUpdate() == 1
                        ? "done" : "absent", () -> orderDeletedForGood(customer, order));
                case "restore customer" -> inTransaction(s -> s.restore(LoadCustomer.class, restorable) ? "done" : "live",
                        null);
                case "restore order" -> inTransaction(s -> s.restore(LoadOrder.class,
                        orderId(restorable, 1 + random.nextInt(3))) ? "done" : "live", null);
                case "update customer" -> inTransaction(s -> {
                    LoadCustomer found = s.find(LoadCustomer.class, customer);
                    if (found == null) {
                        return "absent";
                    }
                    sleep(pause);
                    found.setName("renamed " + random.nextInt(1000));
                    return "done";
                }, null);
                case "update line" -> inTransaction(s -> {
                    LoadLine found = s.find(LoadLine.class, line);
                    if (found == null) {
                        return "absent";
                    }
                    sleep(pause);
                    found.setQuantity(random.nextInt(100));
                    return "done";
                }, null);
                case "update order after fetch join" -> inTransaction(s -> {
                    List<LoadOrder> found = s.createQuery("select o from LoadOrder o left join fetch o.customer"
                            + " where o.id = :id", LoadOrder.class).setParameter("id", order).getResultList();
                    if (found.isEmpty()) {
                        return "absent";
                    }
                    assertThat(found.get(0).getCustomer()).isNotNull();
                    found.get(0).setItem("changed " + random.nextInt(1000));
                    return "done";
                }, null);
                case "add tag" -> {
                    long[] added = new long[1];
                    String result = inTransaction(s -> {
                        // the lock serialises edits of one customer's bag, as @Version would: an unversioned bag
                        // rewritten by two transactions at once loses one's additions, soft delete or not
                        LoadCustomer found = s.find(LoadCustomer.class, customer, LockModeType.PESSIMISTIC_WRITE);
                        LoadTag target = s.find(LoadTag.class, tag);
                        if (found == null || target == null) {
                            return "absent";
                        }
                        found.getTags().add(target);
                        added[0] = sequence.incrementAndGet();
                        return "done";
                    }, () -> {
                        if (added[0] != 0) {
                            links.merge(customer * 100 + tag, added[0], Math::max);
                        }
                    });
                    yield result;
                }
                case "remove tag" -> inTransaction(s -> {
                    LoadTag found = s.find(LoadTag.class, tag);
                    if (found == null) {
                        return "absent";
                    }
                    s.remove(found);
                    return "done";
                }, () -> everDeleted.add("tag:" + tag));
                case "restore tag" -> inTransaction(s -> s.restore(LoadTag.class, tag) ? "done" : "live", null);
                case "recreate purged customer" -> {
                    // keeps a long run from draining the graph: a restorable customer the purge took comes back,
                    // whole (never one of those that must stay deleted, which the resurrection check follows)
                    long[] recreatedAt = new long[1];
                    try {
                        yield inTransaction(s -> {
                            if (s.unfiltered(() -> s.find(LoadCustomer.class, restorable)) != null) {
                                return "still there";
                            }
                            recreatedAt[0] = sequence.incrementAndGet();
                            s.persist(newCustomer(restorable));
                            return "done";
                        }, () -> {
                            if (recreatedAt[0] != 0) {
                                recreated.merge(restorable, recreatedAt[0], Math::max);
                            }
                        });
                    }
                    catch (ConstraintViolationException twoThreadsRecreatedIt) {
                        yield "recreated by another thread";
                    }
                }
                case "purge" -> {
                    // retention zero: every row deleted before now may go, while the other threads work on
                    long purged = Purger.of(db.sessionFactory()).batchSize(20).run().rowsPerEntity().values()
                            .stream().mapToLong(Long::longValue).sum();
                    purgedRows.add(purged);
                    yield purged > 0 ? "done" : "nothing due";
                }
                default -> staleCopyUpdate(customer, random);
            };
            tally(operation + ": " + outcome);
        }
        catch (RuntimeException e) {
            tally(operation + ": " + classify(e));
        }
    }

    /** A longer transaction: the copy it read is likely deleted by another thread before it flushes. */
    private String staleCopyUpdate(long customer, Random random) {
        return inTransaction(s -> {
            LoadCustomer copy = s.find(LoadCustomer.class, customer);
            if (copy == null) {
                return "absent";
            }
            sleep(10 + random.nextInt(20));
            copy.setName("from a form " + random.nextInt(1000));
            return "done";
        }, null);
    }

    private void deletedForGood(long customer) {
        everDeleted.add("customer:" + customer);
        for (int k = 1; k <= 3; k++) {
            everDeletedOrder(orderId(customer, k));
        }
        if (customer > RESTORABLE) {
            deletedForGood.add("customer:" + customer);
            for (int k = 1; k <= 3; k++) {
                orderDeletedForGood(customer, orderId(customer, k));
            }
        }
    }

    private void everDeletedOrder(long order) {
        everDeleted.add("order:" + order);
        everDeleted.add("line:" + lineId(order, 1));
        everDeleted.add("line:" + lineId(order, 2));
    }

    private void orderDeletedForGood(long customer, long order) {
        everDeletedOrder(order);
        if (customer > RESTORABLE) {
            deletedForGood.add("order:" + order);
            deletedForGood.add("line:" + lineId(order, 1));
            deletedForGood.add("line:" + lineId(order, 2));
        }
    }

    private <T> T inTransaction(java.util.function.Function<SoftDeleteSession, T> work, Runnable afterCommit) {
        T result = db.fromTransaction(work);
        if (afterCommit != null && !"absent".equals(result)) {
            afterCommit.run();
        }
        return result;
    }

    private String classify(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return "stale (optimistic lock)";
            }
            if (cause instanceof PurgeException) {
                return "purge stopped (lock conflicts; rerun)";
            }
            if (cause instanceof RestoreConflictException) {
                return "restore conflict";
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof LockAcquisitionException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return cause.getMessage() != null && cause.getMessage().toLowerCase().contains("deadlock")
                        ? "deadlock (retryable)" : "lock timeout (retryable)";
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().startsWith("softdelete:") && cause.getMessage().contains("still deleted")) {
                return "restore refused (parent deleted)";
            }
        }
        unexpected.add(failure);
        return "unexpected " + failure.getClass().getSimpleName();
    }

    private void tally(String key) {
        tally.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
