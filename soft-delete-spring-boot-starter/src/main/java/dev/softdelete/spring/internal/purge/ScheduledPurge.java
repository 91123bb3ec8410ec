package dev.softdelete.spring.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeException;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.java.JavaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the retention purge on a cron schedule, on a thread of its own (so that an application
 * without {@code @EnableScheduling} gets it, and a long purge never holds the application's
 * scheduler). Each run's report is logged, handed to the listeners and kept for the actuator
 * endpoint. Several application instances may run it at once: the purge is safe under that.
 */
public final class ScheduledPurge implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPurge.class);

    private final SessionFactory sessionFactory;
    private final CronTrigger trigger;
    private final int batchSize;
    private final Object tenantIdentifier;
    private final Clock clock;
    private final List<PurgeRunListener> listeners;
    private final AtomicReference<PurgeRun> lastRun = new AtomicReference<>();
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> schedule;

    /**
     * @param tenant the tenant identifier of the purge's sessions as text ({@code softdelete.purge.tenant-identifier}),
     *               read as the factory's tenant identifier type; null for the factory's own
     */
    public ScheduledPurge(SessionFactory sessionFactory, String cron, TimeZone zone, int batchSize, String tenant,
            Clock clock, List<PurgeRunListener> listeners) {
        this.sessionFactory = sessionFactory;
        this.trigger = zone == null ? new CronTrigger(cron) : new CronTrigger(cron, zone);
        this.batchSize = batchSize;
        this.tenantIdentifier = tenant == null ? null : tenantOf(sessionFactory, tenant);
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs one purge now, on the calling thread; what the schedule calls. */
    public PurgeRun runOnce() {
        Instant start = clock.instant();
        PurgeReport report = null;
        RuntimeException failure = null;
        try {
            Purger purger = Purger.of(sessionFactory).clock(clock).batchSize(batchSize).listener(this::batchDone);
            if (tenantIdentifier != null) {
                purger.tenantIdentifier(tenantIdentifier);
            }
            report = purger.run();
            LOG.info("softdelete purge: {} rows in {} batches, {} ms: {}", report.totalRows(), report.batches(),
                    report.duration().toMillis(), report.rowsPerEntity());
            PurgeReport done = report;
            listeners.forEach(listener -> listener.finished(done));
        }
        catch (RuntimeException e) {
            failure = e;
            report = e instanceof PurgeException purge ? purge.report() : null;
            LOG.error("softdelete purge failed; the batches committed before it stay, the next run continues", e);
            PurgeReport committed = report;
            listeners.forEach(listener -> listener.failed(e, committed));
        }
        PurgeRun run = PurgeRun.of(start, clock.instant(), report, failure);
        lastRun.set(run);
        return run;
    }

    /** The text as the factory's tenant identifier type, where one is declared; else the text itself. */
    private static Object tenantOf(SessionFactory sessionFactory, String text) {
        JavaType<Object> type = sessionFactory.unwrap(SessionFactoryImplementor.class).getTenantIdentifierJavaType();
        return type.getJavaTypeClass() == Object.class ? text : type.fromString(text);
    }

    /** The tenant identifier the purge opens its sessions with, or {@code null} for the factory's own. */
    public Object tenantIdentifier() {
        return tenantIdentifier;
    }

    /** The last run that finished, or {@code null} before the first. */
    public PurgeRun lastRun() {
        return lastRun.get();
    }

    /** The cron expression the purge runs on. */
    public String cron() {
        return trigger.getExpression();
    }

    private void batchDone(PurgeBatch batch) {
        listeners.forEach(listener -> listener.batchDone(batch));
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("softdelete-purge-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        schedule = scheduler.schedule(this::runOnce, trigger);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        schedule.cancel(false);
        scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
