package dev.softdelete.it.load;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Samples a long load run: heap used after a collection, statements prepared per operation, sessions
 * open. A leak shows as a heap that keeps growing, or as statements per operation that climb.
 */
final class LoadSampler {

    private record Sample(long second, long operations, long heapMb, double statementsPerOperation, long openSessions) {
    }

    private final SessionFactory factory;
    private final LongAdder operations;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private long lastOperations;
    private long lastStatements;

    private final Runnable releaseTestState;

    private LoadSampler(SessionFactory factory, LongAdder operations, Runnable releaseTestState) {
        this.factory = factory;
        this.operations = operations;
        this.releaseTestState = releaseTestState;
    }

    static LoadSampler start(SessionFactory factory, LongAdder operations, int everySeconds, Runnable releaseTestState) {
        LoadSampler sampler = new LoadSampler(factory, operations, releaseTestState);
        sampler.timer.scheduleAtFixedRate(sampler::sample, everySeconds, everySeconds, TimeUnit.SECONDS);
        return sampler;
    }

    private synchronized void sample() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        releaseTestState.run();
        System.gc();
        Statistics statistics = factory.getStatistics();
        long ops = operations.sum();
        long statements = statistics.getPrepareStatementCount();
        double perOperation = ops == lastOperations ? 0 : (double) (statements - lastStatements) / (ops - lastOperations);
        samples.add(new Sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), ops,
                memory.getHeapMemoryUsage().getUsed() / (1024 * 1024), perOperation,
                statistics.getSessionOpenCount() - statistics.getSessionCloseCount()));
        lastOperations = ops;
        lastStatements = statements;
    }

    /** Prints the samples and fails if the heap or the statements per operation kept growing. */
    void stopAndCheck() {
        timer.shutdownNow();
        System.out.println("softdelete long run: second, operations, heap MB after GC, statements per operation,"
                + " sessions open");
        samples.forEach(sample -> System.out.printf("  %5d %9d %6d %8.2f %4d%n", sample.second(), sample.operations(),
                sample.heapMb(), sample.statementsPerOperation(), sample.openSessions()));
        assertThat(samples).as("samples of the long run").hasSizeGreaterThanOrEqualTo(4);
        // the first quarter warms caches up; from then on the heap after a collection must stay level
        // (a leak of 2 KB per operation would add about 40 MB over ten minutes here)
        List<Sample> settled = samples.subList(samples.size() / 4, samples.size());
        long floor = settled.stream().mapToLong(Sample::heapMb).min().orElseThrow();
        long last = samples.get(samples.size() - 1).heapMb();
        assertThat(last).as("heap MB after GC at the end against the settled minimum").isLessThanOrEqualTo(floor + 16);
        double firstRate = settled.get(0).statementsPerOperation();
        double lastRate = samples.get(samples.size() - 1).statementsPerOperation();
        assertThat(lastRate).as("statements per operation at the end against after warm-up")
                .isLessThanOrEqualTo(firstRate * 1.5 + 1);
    }
}
