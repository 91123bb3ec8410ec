package dev.softdelete.spring.autoconfigure;

import dev.softdelete.ActorProvider;
import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.spring.internal.SecurityContextActorProvider;
import dev.softdelete.spring.internal.SoftDeletableJson;
import dev.softdelete.spring.internal.SoftDeleteExceptionTranslator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;

import java.time.Clock;
import java.util.List;

/**
 * Auto-configuration of softdelete for Spring Boot: hands the {@code softdelete.*} properties, the
 * {@link Clock} bean and the {@link ActorProvider} to Hibernate. With {@code softdelete.enabled=false}
 * it defines nothing and turns the library off in Hibernate. {@link SoftDeleteJpaAutoConfiguration}
 * defines the {@link dev.softdelete.spring.SoftDeleteTemplate} once the entity manager factory exists.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({SoftDeleteSession.class, HibernatePropertiesCustomizer.class})
@EnableConfigurationProperties(SoftDeleteProperties.class)
public class SoftDeleteAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(SoftDeleteAutoConfiguration.class);

    /** Creates the auto-configuration; Spring calls it. */
    public SoftDeleteAutoConfiguration() {
    }

    /**
     * The library's settings for Hibernate, from the properties and beans.
     *
     * @param properties  the bound {@code softdelete.*} properties
     * @param actors      the application's {@link ActorProvider} bean, if any
     * @param clocks      the application's {@link Clock} bean, if there is exactly one
     * @param listeners   the application's {@link HistoryListener} beans, called in their order
     * @param beanFactory creates the {@code softdelete.actor-provider} class with dependency injection
     * @return the customizer
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
    public HibernatePropertiesCustomizer softDeleteHibernateProperties(SoftDeleteProperties properties,
            ObjectProvider<ActorProvider> actors, ObjectProvider<Clock> clocks, ObjectProvider<HistoryListener> listeners,
            AutowireCapableBeanFactory beanFactory) {
        validate(properties);
        // putIfAbsent: a raw spring.jpa.properties.softdelete.* entry, as applications wrote before the
        // starter, keeps its value instead of being replaced by a default it never asked for
        return settings -> {
            settings.putIfAbsent(SoftDeleteSettings.UNIQUE, properties.getUnique().settingValue());
            settings.putIfAbsent(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY,
                    properties.getCascadeToHardEntity().settingValue());
            settings.putIfAbsent(SoftDeleteSettings.HIBERNATE_VERSION_CHECK,
                    properties.getHibernateVersionCheck().settingValue());
            settings.putIfAbsent(SoftDeleteSettings.RETENTION_DEFAULT, properties.getRetention().getDefault());
            ActorProvider actor = actors.getIfUnique();
            if (actor == null && properties.getActorProvider() != null) {
                actor = beanFactory.createBean(properties.getActorProvider());
            }
            if (actor != null) {
                settings.putIfAbsent(SoftDeleteSettings.ACTOR_PROVIDER, actor);
            }
            Clock clock = clocks.getIfUnique();
            if (clock != null) {
                settings.putIfAbsent(SoftDeleteSettings.CLOCK, clock);
            }
            settings.putIfAbsent(SoftDeleteSettings.HISTORY, properties.getHistory().settingValue());
            List<HistoryListener> history = listeners.orderedStream().toList();
            if (!history.isEmpty()) {
                // each listener on its own: one that fails does not keep the others from the entries
                settings.putIfAbsent(SoftDeleteSettings.HISTORY_LISTENER, (HistoryListener) entries ->
                        history.forEach(listener -> notify(listener, entries)));
            }
        };
    }

    private static void notify(HistoryListener listener, List<HistoryEntry> entries) {
        try {
            listener.afterCommit(entries);
        }
        catch (RuntimeException e) {
            LOG.warn("softdelete: the HistoryListener " + listener.getClass().getName() + " failed after commit", e);
        }
    }

    /**
     * Turns the library off in Hibernate when {@code softdelete.enabled=false}; nothing else is defined then.
     *
     * @return the customizer
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "softdelete.enabled", havingValue = false)
    public HibernatePropertiesCustomizer softDeleteDisabled() {
        return settings -> settings.put(SoftDeleteSettings.ENABLED, "false");
    }

    /**
     * Makes a restore conflict a {@link dev.softdelete.spring.RestoreConflictDataAccessException} in
     * repositories, ahead of Hibernate's translator.
     *
     * @return the translator
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
    public static PersistenceExceptionTranslator softDeleteExceptionTranslator() {
        return new SoftDeleteExceptionTranslator();
    }

    private static void validate(SoftDeleteProperties properties) {
        String retention = properties.getRetention().getDefault();
        try {
            RetentionPolicy.parse(retention);
        }
        catch (RuntimeException e) {
            throw new InvalidConfigurationPropertyValueException("softdelete.retention.default", retention,
                    "an ISO-8601 duration such as P90D or P1Y, or 'forever'");
        }
    }

    /** Keeps {@code SoftDeletable}'s derived {@code deleted} flag out of Jackson's JSON. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    @ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
    static class JacksonConfiguration {

        @Bean
        tools.jackson.databind.JacksonModule softDeleteJacksonModule() {
            return SoftDeletableJson.module();
        }
    }

    /** The actor from Spring Security, unless the application defines an {@link ActorProvider}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    @ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
    static class SecurityActorConfiguration {

        @Bean
        @ConditionalOnMissingBean(ActorProvider.class)
        ActorProvider softDeleteSecurityActorProvider(SoftDeleteProperties properties,
                AutowireCapableBeanFactory beanFactory) {
            if (properties.getActorProvider() != null) {
                return beanFactory.createBean(properties.getActorProvider());
            }
            return new SecurityContextActorProvider();
        }
    }
}
