package dev.softdelete.spring.autoconfigure;

import dev.softdelete.spring.internal.purge.MicrometerPurgeMetrics;
import dev.softdelete.spring.internal.purge.PurgeEndpoint;
import dev.softdelete.spring.internal.purge.PurgeRunListener;
import dev.softdelete.spring.internal.purge.ScheduledPurge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The retention purge on a schedule ({@code softdelete.purge.enabled=true}): runs at
 * {@code softdelete.purge.cron}, logs each report, records Micrometer meters when Micrometer is
 * present, and shows the last run at the actuator endpoint {@code softdelete}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {SoftDeleteAutoConfiguration.class, HibernateJpaAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "softdelete.purge.enabled")
@ConditionalOnBean(EntityManagerFactory.class)
public class SoftDeletePurgeAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SoftDeletePurgeAutoConfiguration() {
    }

    /**
     * The scheduled purge.
     *
     * @param properties           the bound {@code softdelete.*} properties
     * @param entityManagerFactory the application's entity manager factory (a Hibernate one)
     * @param clocks               the application's {@link Clock} bean, if there is exactly one
     * @param listeners            what observes each run (the metrics)
     * @return the purge, started with the application context
     */
    @Bean
    @ConditionalOnMissingBean
    public ScheduledPurge softDeleteScheduledPurge(SoftDeleteProperties properties,
            EntityManagerFactory entityManagerFactory, ObjectProvider<Clock> clocks,
            ObjectProvider<PurgeRunListener> listeners) {
        SoftDeleteProperties.Purge purge = properties.getPurge();
        if (!CronExpression.isValidExpression(purge.getCron())) {
            throw new InvalidConfigurationPropertyValueException("softdelete.purge.cron", purge.getCron(),
                    "a Spring cron expression of six fields: second minute hour day-of-month month day-of-week,"
                            + " e.g. '0 0 3 * * *', or a macro such as '@daily'");
        }
        if (purge.getBatchSize() < 1) {
            throw new InvalidConfigurationPropertyValueException("softdelete.purge.batch-size", purge.getBatchSize(),
                    "a batch size of at least 1");
        }
        String tenant = purge.getTenantIdentifier() == null || purge.getTenantIdentifier().isBlank() ? null
                : purge.getTenantIdentifier().trim();
        return new ScheduledPurge(entityManagerFactory.unwrap(SessionFactory.class), purge.getCron(), zone(purge),
                purge.getBatchSize(), tenant, clocks.getIfUnique(Clock::systemUTC), listeners.orderedStream().toList());
    }

    private static TimeZone zone(SoftDeleteProperties.Purge purge) {
        if (purge.getZone() == null || purge.getZone().isBlank()) {
            return null;
        }
        try {
            return TimeZone.getTimeZone(ZoneId.of(purge.getZone().trim()));
        }
        catch (DateTimeException e) {
            throw new InvalidConfigurationPropertyValueException("softdelete.purge.zone", purge.getZone(),
                    "a time-zone id such as 'UTC' or 'Europe/Paris'");
        }
    }

    /** Micrometer meters of the purge. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        PurgeRunListener softDeletePurgeMetrics(ObjectProvider<MeterRegistry> registries) {
            return new MicrometerPurgeMetrics(registries);
        }
    }

    /** The actuator endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        PurgeEndpoint softDeletePurgeEndpoint(ScheduledPurge purge) {
            return new PurgeEndpoint(purge);
        }
    }
}
