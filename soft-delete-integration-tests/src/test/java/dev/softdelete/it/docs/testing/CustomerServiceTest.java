package dev.softdelete.it.docs.testing;

// tag::testing-customer-service-test[]
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.test.AllowHardDeletes;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.SqlRecorderExtension;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;   // both imports work together

class CustomerServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static SessionFactory sessionFactory;
    static SqlRecorder sql;

    @RegisterExtension
    static final SqlRecorderExtension recording = SqlRecorderExtension.of(() -> sql)
            .failOnHardDeletes()      // any DELETE the test did not declare fails it
            .failOnLeaks();           // any SELECT that forgets the soft-delete predicate fails it

    @BeforeAll
    static void buildFactory() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.url", "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
        settings.put("hibernate.hbm2ddl.auto", "create-drop");
        settings.put(SoftDeleteSettings.CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
        settings.put(SoftDeleteSettings.ACTOR_PROVIDER, (dev.softdelete.ActorProvider) () -> "alice");
        sql = SqlRecorder.attach(settings);
        sessionFactory = new MetadataSources(new StandardServiceRegistryBuilder().applySettings(settings).build())
                .addAnnotatedClass(Customer.class)
                .buildMetadata().buildSessionFactory();
        sql.detectLeaks(sessionFactory, LeakMode.COLLECT);   // also binds the factory
    }

    @AfterAll
    static void close() {
        sessionFactory.close();
    }

    @Test
    void closingAnAccountSoftDeletesTheCustomer(SqlRecorder sql) {
        Long id = sessionFactory.fromTransaction(s -> {
            Customer customer = new Customer("john@example.com");
            s.persist(customer);
            return customer.getId();
        });
        sql.reset();

        sessionFactory.inTransaction(s -> {
            SoftDeleteSession session = SoftDeleteSession.wrap(s);
            try (SoftDeleteScope why = session.deletingBecause("closed by user")) {
                new CustomerService(session).closeAccount(id);      // your code: calls session.remove(...)
            }
        });

        assertThat(sql).hasNoHardDeletesOn(Customer.class).hasUpdates("customer", 1).hasStatementCountAtMost(2);
        sessionFactory.inTransaction(s -> assertThat(s).row(Customer.class, id)
                .isSoftDeleted().wasDeletedAt(NOW).wasDeletedBy("alice").wasDeletedBecause("closed by user"));
    }

    @Test
    @AllowHardDeletes("customer")
    void gdprErasureRemovesTheRow() {
        Long id = sessionFactory.fromTransaction(s -> {
            Customer customer = new Customer("jane@example.com");
            s.persist(customer);
            return customer.getId();
        });

        sessionFactory.inTransaction(s -> SoftDeleteSession.wrap(s).hardDelete(s.find(Customer.class, id)));

        sessionFactory.inTransaction(s -> assertThat(s).row(Customer.class, id).doesNotExist());
    }
}
// end::testing-customer-service-test[]
