package dev.softdelete.test;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.test.model.KitAccount;
import dev.softdelete.test.model.KitLabel;
import dev.softdelete.test.model.KitNote;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An H2 SessionFactory configured by JDBC URL, as many applications are, with a recorder attached. */
final class KitDatabase implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final AtomicInteger NAMES = new AtomicInteger();

    final SqlRecorder sql;
    final SessionFactory sessionFactory;

    KitDatabase() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.url", "jdbc:h2:mem:kit" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        settings.put("hibernate.connection.username", "sa");
        settings.put("hibernate.hbm2ddl.auto", "create-drop");
        settings.put("hibernate.jdbc.batch_size", "10");
        settings.put("hibernate.physical_naming_strategy",
                org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy.class.getName());
        settings.put(SoftDeleteSettings.CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
        settings.put(SoftDeleteSettings.ACTOR_PROVIDER, (dev.softdelete.ActorProvider) () -> "alice");
        sql = SqlRecorder.attach(settings);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry)
                .addAnnotatedClass(KitAccount.class).addAnnotatedClass(KitNote.class).addAnnotatedClass(KitLabel.class);
        sessionFactory = sources.buildMetadata().buildSessionFactory();
        sql.bind(sessionFactory);
        sql.reset();
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
