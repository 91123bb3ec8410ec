package dev.softdelete.it.docs.guide;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeletableTable;
import dev.softdelete.hibernate.SoftDeleteMetadata;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.Visibility;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's samples of settings (§8), the test kit (§9) and the metadata, each run on a factory of its own. */
class GuideSetupSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class);

    static Principal currentUser() {
        return () -> "carol";
    }

    @Test
    void theSettingsSampleFillsTheActorFromTheProvider() {
        // tag::guide-settings[]
        Map<String, Object> settings = new HashMap<>();
        settings.put(SoftDeleteSettings.CLOCK, Clock.systemUTC());
        settings.put(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> currentUser().getName());
        // end::guide-settings[]
        // the class's own factory made the table: a second create-drop would drop it under that one
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(), settings,
                List.of(Customer.class))) {
            Long id = factory.fromTransaction(s -> {
                Customer customer = new Customer();
                s.persist(customer);
                return customer.id;
            });
            factory.inTransaction(s -> s.remove(s.find(Customer.class, id)));
            String deletedBy = factory.fromTransaction(s -> SoftDeleteSession.wrap(s)
                    .unfiltered(() -> s.find(Customer.class, id)).deletedBy);
            assertThat(deletedBy).isEqualTo("carol");
        }
    }

    @Test
    void theRecorderSampleCountsWhatReachedTheDriver() {
        DataSource dataSource = TestDatabase.current().dataSource();
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");   // the class's own factory made the table
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        // tag::guide-kit-wiring[]
        SqlRecorder sql = SqlRecorder.create();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, sql.wrap(dataSource));
        // ... build the SessionFactory, run the code under test ...
        // end::guide-kit-wiring[]
        var registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try (SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(Customer.class)
                .buildMetadata().buildSessionFactory()) {
            sql.bind(factory);
            Long id = factory.fromTransaction(s -> {
                Customer customer = new Customer();
                s.persist(customer);
                return customer.id;
            });
            sql.reset();
            factory.inTransaction(s -> s.remove(s.find(Customer.class, id)));
            // tag::guide-kit-assertions[]

            assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1).hasStatementCountAtMost(3);
            sql.count(StatementKind.UPDATE, "customer");   // by kind and table
            sql.statements();                              // RecordedStatement(sql, kind, table), in order
            sql.reset();
            // end::guide-kit-assertions[]
            assertThat(sql.statements()).isEmpty();
        }
    }

    @Test
    void theMetadataNamesTheTableTheColumnsAndTheVisibility() {
        SessionFactory sessionFactory = db.sessionFactory();
        List<Object> told = sessionFactory.fromTransaction(session -> {
            // tag::guide-metadata[]
            SoftDeletableTable customers = SoftDeleteMetadata.of(sessionFactory).table(Customer.class).orElseThrow();
            customers.table();          // "customer": the marker's table (the root's; a TABLE_PER_CLASS entity's own)
            customers.markerColumn();   // "deleted_at"; also idColumn(), deletedByColumn(), reasonColumn(), operationColumn()
            SoftDeleteMetadata.visibility(session);   // LIVE, or ALL inside unfiltered(), DELETED inside onlyDeleted()
            // end::guide-metadata[]
            Visibility inside = SoftDeleteSession.wrap(session).unfiltered(() -> SoftDeleteMetadata.visibility(session));
            return List.of(customers.table(), customers.markerColumn(), customers.deletedByColumn(),
                    customers.reasonColumn(), SoftDeleteMetadata.visibility(session), inside);
        });
        assertThat(told).containsExactly("customer", "deleted_at", "deleted_by", "delete_reason", Visibility.LIVE,
                Visibility.ALL);
    }
}
