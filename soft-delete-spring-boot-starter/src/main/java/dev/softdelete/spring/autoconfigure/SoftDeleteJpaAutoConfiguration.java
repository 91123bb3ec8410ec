package dev.softdelete.spring.autoconfigure;

import dev.softdelete.spring.SoftDeleteTemplate;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link SoftDeleteTemplate} of the application's entity manager factory, once Spring Boot's JPA
 * auto-configuration has defined it (an application without JPA gets none).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {SoftDeleteAutoConfiguration.class, HibernateJpaAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "softdelete.enabled", matchIfMissing = true)
@ConditionalOnBean(EntityManagerFactory.class)
public class SoftDeleteJpaAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SoftDeleteJpaAutoConfiguration() {
    }

    /**
     * The library's session operations bound to the current transaction.
     *
     * @param entityManagerFactory the application's entity manager factory
     * @param transactionManager   its transaction manager
     * @return the template
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    public SoftDeleteTemplate softDeleteTemplate(EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactionManager) {
        return new SoftDeleteTemplate(entityManagerFactory, transactionManager);
    }
}
