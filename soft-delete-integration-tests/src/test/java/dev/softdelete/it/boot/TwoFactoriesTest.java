package dev.softdelete.it.boot;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.StaleCustomer;
import dev.softdelete.it.model.StaleLine;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several SessionFactories from one StandardServiceRegistry (persistence units sharing a registry,
 * test set-ups): each has its own soft-deletable types, whatever order the metadata and the factories
 * are built in, and deletes, hides and restores its own rows.
 */
class TwoFactoriesTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private StandardServiceRegistry registry() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(Map.of(
                AvailableSettings.DATASOURCE, TestDatabase.current().dataSource(),
                AvailableSettings.HBM2DDL_AUTO, "create-drop",
                AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName()))
                .build();
        closing.add(() -> StandardServiceRegistryBuilder.destroy(registry));
        return registry;
    }

    private SessionFactory factory(Metadata metadata) {
        SessionFactory factory = metadata.buildSessionFactory();
        closing.add(factory);
        return factory;
    }

    private static Metadata metadata(StandardServiceRegistry registry, Class<?>... entities) {
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata();
    }

    /** Deletes, hides and restores one row of the factory's own entity, checking each step. */
    private static void deleteHideRestore(SessionFactory factory, Object entity, Class<?> type,
            java.util.function.Function<Object, Object> idOf) {
        Object id = factory.fromTransaction(s -> {
            s.persist(entity);
            s.flush();
            return idOf.apply(entity);
        });
        factory.inTransaction(s -> s.remove(s.find(type, id)));
        Object afterDelete = factory.fromTransaction(s -> s.find(type, id));
        assertThat(afterDelete).as("hidden after delete").isNull();
        boolean restored = factory.fromTransaction(s -> SoftDeleteSession.wrap(s).restore(type, id));
        assertThat(restored).isTrue();
        Object afterRestore = factory.fromTransaction(s -> s.find(type, id));
        assertThat(afterRestore).as("back after restore").isNotNull();
    }

    @Test
    void factoriesBuiltOneAfterTheOtherEachKeepTheirOwnTypes() {
        StandardServiceRegistry registry = registry();
        SessionFactory customers = factory(metadata(registry, StaleCustomer.class, StaleLine.class));
        SessionFactory tags = factory(metadata(registry, Tag.class));

        deleteHideRestore(customers, new StaleCustomer("carol"), StaleCustomer.class,
                e -> ((StaleCustomer) e).getId());
        deleteHideRestore(tags, new Tag("t"), Tag.class, e -> ((Tag) e).getId());
    }

    @Test
    void bothMetadataBuiltBeforeEitherFactoryStillGiveEachItsOwnTypes() {
        StandardServiceRegistry registry = registry();
        Metadata first = metadata(registry, StaleCustomer.class, StaleLine.class);
        Metadata second = metadata(registry, Tag.class);
        SessionFactory customers = factory(first);
        SessionFactory tags = factory(second);

        deleteHideRestore(tags, new Tag("t"), Tag.class, e -> ((Tag) e).getId());
        deleteHideRestore(customers, new StaleCustomer("carol"), StaleCustomer.class,
                e -> ((StaleCustomer) e).getId());
    }
}
