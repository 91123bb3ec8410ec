package dev.softdelete.spring;

import dev.softdelete.ActorProvider;
import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.app.PostRepository;
import dev.softdelete.spring.app.TestApplication;
import dev.softdelete.spring.internal.purge.PurgeEndpoint;
import dev.softdelete.spring.internal.purge.PurgeRun;
import dev.softdelete.spring.internal.purge.ScheduledPurge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What the auto-configuration defines, hands to Hibernate and refuses, one application context per case. */
@ExtendWith(OutputCaptureExtension.class)
class AutoConfigurationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(TestDatabase.properties());

    @Test
    void disabledDefinesNothingAndTurnsTheLibraryOffInHibernate() {
        runner.withPropertyValues("softdelete.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SoftDeleteTemplate.class)
                    .doesNotHaveBean(ActorProvider.class);
            long id = savePost(context, "off");

            context.getBean(PostRepository.class).deleteById(id);

            assertThat(count(context, "select count(*) from sb_post where id = " + id))
                    .as("a plain entity's delete removes the row").isZero();
            assertThatThrownBy(() -> context.getBean(PostRepository.class).findAllDeleted())
                    .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("softdelete.enabled=false")
                    .hasMessageContaining("PostRepository");
        });
    }

    @Test
    void theClockBeanMarksDeletedRows() {
        runner.withUserConfiguration(FixedClock.class).run(context -> {
            long id = savePost(context, "clock");

            context.getBean(PostRepository.class).deleteById(id);

            Instant deletedAt = context.getBean(JdbcTemplate.class).queryForObject(
                    "select deleted_at from sb_post where id = ?", java.sql.Timestamp.class, id).toInstant();
            assertThat(deletedAt).isEqualTo(T0);
        });
    }

    @Test
    void anActorProviderBeanWinsOverSpringSecurity() {
        runner.withUserConfiguration(FixedActor.class).run(context -> {
            assertThat(context).getBeans(ActorProvider.class).hasSize(1);
            assertThat(deletedBy(context)).isEqualTo("batch-job");
        });
    }

    @Test
    void theActorProviderPropertyIsCreatedWithDependencyInjection() {
        runner.withPropertyValues("softdelete.actor-provider=" + EnvironmentActor.class.getName(),
                "test.actor=from-environment").run(context -> assertThat(deletedBy(context)).isEqualTo("from-environment"));
    }

    @Test
    void aWrongEnumValueStopsTheStartNamingThePropertyAndTheValues(CapturedOutput output) {
        assertThatThrownBy(() -> start("softdelete.unique=sometimes")).isNotNull();

        assertThat(output).contains("softdelete.unique").contains("sometimes").contains("ALL_ROWS").contains("LIVE_ROWS");
    }

    @Test
    void aWrongRetentionStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("softdelete.retention.default=90 days")).isNotNull();

        assertThat(output).contains("softdelete.retention.default").contains("90 days").contains("ISO-8601");
    }

    @Test
    void aWrongCronStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("softdelete.purge.enabled=true", "softdelete.purge.cron=every night")).isNotNull();

        assertThat(output).contains("softdelete.purge.cron").contains("every night").contains("six fields");
    }

    @Test
    void thePropertiesReachHibernate() {
        runner.withPropertyValues("softdelete.unique=all-rows", "softdelete.cascade-to-hard-entity=ignore",
                "softdelete.retention.default=P90D").run(context -> {
            Map<String, Object> hibernate = context.getBean(EntityManagerFactory.class).getProperties();
            assertThat(hibernate).containsEntry("softdelete.unique", "all-rows")
                    .containsEntry("softdelete.cascade.to_hard_entity", "ignore")
                    .containsEntry("softdelete.retention.default", "P90D");
        });
    }

    @Test
    void aRawHibernatePropertyKeepsItsValue() {
        runner.withPropertyValues("spring.jpa.properties.softdelete.unique=all-rows").run(context ->
                assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                        .containsEntry("softdelete.unique", "all-rows"));
    }

    @Test
    void jsonLeavesOutTheDerivedFlagAndKeepsTheEntitysOwnAttribute() {
        runner.run(context -> {
            String json = context.getBean(tools.jackson.databind.json.JsonMapper.class).writeValueAsString(new Note());

            assertThat(json).contains("\"deletedAt\"").contains("\"text\"").doesNotContain("\"deleted\"");
        });
        runner.withPropertyValues("softdelete.enabled=false").run(context ->
                assertThat(context.getBean(tools.jackson.databind.json.JsonMapper.class).writeValueAsString(new Note()))
                        .as("turned off, the starter leaves Jackson alone").contains("\"deleted\""));
    }

    @Test
    void noPurgeUnlessAskedFor() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScheduledPurge.class));
    }

    @Test
    void theScheduledPurgeDeletesDueRowsRecordsMetersAndShowsItsLastRun() {
        runner.withUserConfiguration(MovingClock.class)
                .withPropertyValues("softdelete.purge.enabled=true", "softdelete.purge.cron=0 0 3 * * *",
                        "management.endpoints.web.exposure.include=softdelete")
                .run(context -> {
                    long id = savePostWithComments(context, "old");
                    long kept = savePost(context, "recent");
                    context.getBean(PostRepository.class).deleteById(id);
                    context.getBean(MutableClock.class).advance(Duration.ofDays(31));
                    context.getBean(PostRepository.class).deleteById(kept);

                    PurgeRun run = context.getBean(ScheduledPurge.class).runOnce();

                    assertThat(run.succeeded()).isTrue();
                    assertThat(run.rows()).containsEntry("Post", 1L).containsEntry("Comment", 2L);
                    assertThat(count(context, "select count(*) from sb_post where id = " + id)).isZero();
                    assertThat(count(context, "select count(*) from sb_comment")).isZero();
                    assertThat(count(context, "select count(*) from sb_post where id = " + kept))
                            .as("deleted one day ago: kept").isEqualTo(1);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("softdelete.purge.rows").tag("entity", "Comment").counter().count()).isEqualTo(2);
                    assertThat(meters.get("softdelete.purge.runs").tag("outcome", "success").timer().count()).isEqualTo(1);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> shown = (Map<String, Object>) context.getBean(PurgeEndpoint.class).purge().get("purge");
                    assertThat(shown).containsEntry("cron", "0 0 3 * * *").containsEntry("lastRun", run);
                });
    }

    /** The tenant reaches the purge's sessions (what it does there: TenantIsolationTest of the integration tests). */
    @Test
    void thePurgeOpensItsSessionsWithTheConfiguredTenant() {
        runner.withPropertyValues("softdelete.purge.enabled=true", "softdelete.purge.tenant-identifier= acme ")
                .run(context -> {
                    ScheduledPurge purge = context.getBean(ScheduledPurge.class);

                    assertThat(purge.tenantIdentifier()).isEqualTo("acme");
                    assertThat(purge.runOnce().succeeded()).isTrue();
                });
    }

    @Test
    void thePurgeRunsOnItsSchedule() {
        runner.withPropertyValues("softdelete.purge.enabled=true", "softdelete.purge.cron=* * * * * *").run(context -> {
            ScheduledPurge purge = context.getBean(ScheduledPurge.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> purge.lastRun() != null);
            assertThat(purge.lastRun().succeeded()).isTrue();
        });
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(TestApplication.class).properties(TestDatabase.properties())
                .properties(properties).run().close();
    }

    private static String deletedBy(ApplicationContext context) {
        long id = savePost(context, "actor");
        context.getBean(PostRepository.class).deleteById(id);
        return context.getBean(JdbcTemplate.class).queryForObject("select deleted_by from sb_post where id = ?",
                String.class, id);
    }

    private static long savePost(ApplicationContext context, String slug) {
        return context.getBean(TransactionTemplate.class).execute(status ->
                context.getBean(PostRepository.class).save(new Post(slug, slug)).getId());
    }

    private static long savePostWithComments(ApplicationContext context, String slug) {
        return context.getBean(TransactionTemplate.class).execute(status -> {
            Post post = new Post(slug, slug);
            post.comment("one");
            post.comment("two");
            return context.getBean(PostRepository.class).save(post).getId();
        });
    }

    private static long count(ApplicationContext context, String sql) {
        return context.getBean(JdbcTemplate.class).queryForObject(sql, Long.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(T0, ZoneOffset.UTC);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MovingClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(T0);
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedActor {
        @Bean
        ActorProvider actorProvider() {
            return () -> "batch-job";
        }
    }

    /** A soft-deletable value as an application would return it from a controller. */
    public static class Note implements dev.softdelete.SoftDeletable {
        public String getText() {
            return "note";
        }

        @Override
        public Instant getDeletedAt() {
            return T0;
        }
    }

    /** Needs the environment: only a bean factory can create it. */
    public static class EnvironmentActor implements ActorProvider {
        private final Environment environment;

        public EnvironmentActor(Environment environment) {
            this.environment = environment;
        }

        @Override
        public String currentActor() {
            return environment.getProperty("test.actor");
        }
    }
}
