package dev.softdelete.spring.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;

/**
 * The scheduled purge's meters: {@code softdelete.purge.rows} and {@code softdelete.purge.batches}
 * per entity (tag {@code entity}, the entity's simple name), {@code softdelete.purge.runs} (a timer
 * of whole runs, tag {@code outcome}: {@code success} or {@code failure}). A failed run's committed
 * batches are counted too: they stay deleted. The registry is looked up at each event, so that the
 * order in which auto-configurations define it does not matter; without one, nothing is recorded.
 */
public final class MicrometerPurgeMetrics implements PurgeRunListener {

    private final ObjectProvider<MeterRegistry> registries;

    public MicrometerPurgeMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void batchDone(PurgeBatch batch) {
        MeterRegistry registry = registries.getIfUnique();
        if (registry == null || batch.dryRun()) {
            return;
        }
        String entity = batch.entity().getSimpleName();
        Counter.builder("softdelete.purge.rows").description("Rows the retention purge deleted or anonymized")
                .tag("entity", entity).register(registry).increment(batch.rows());
        Counter.builder("softdelete.purge.batches").description("Batches the retention purge committed")
                .tag("entity", entity).register(registry).increment();
    }

    @Override
    public void finished(PurgeReport report) {
        run("success", report.duration());
    }

    @Override
    public void failed(RuntimeException failure, PurgeReport committed) {
        run("failure", committed == null ? Duration.ZERO : committed.duration());
    }

    private void run(String outcome, Duration duration) {
        MeterRegistry registry = registries.getIfUnique();
        if (registry != null) {
            Timer.builder("softdelete.purge.runs").description("Runs of the scheduled retention purge")
                    .tag("outcome", outcome).register(registry).record(duration);
        }
    }
}
