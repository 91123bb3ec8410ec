package dev.softdelete.it.boot;

import dev.softdelete.hibernate.SoftDeleteMetadata;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.StaleCustomer;
import dev.softdelete.it.model.StaleLine;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JPA persistence units in one JVM, each with its own soft-deletable entities, built through the
 * Jakarta Persistence bootstrap: each knows only its own entities, and deletes (keeping the row),
 * hides and restores its own rows, whichever unit was built first.
 */
class TwoPersistenceUnitsTest {

    private final List<EntityManagerFactory> units = new ArrayList<>();

    @AfterEach
    void close() {
        units.forEach(EntityManagerFactory::close);
    }

    private EntityManagerFactory unit(String name, Class<?>... entities) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration(name)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, TestDatabase.current().dataSource())
                .property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        for (Class<?> entity : entities) {
            configuration.managedClass(entity);
        }
        EntityManagerFactory unit = configuration.createEntityManagerFactory();
        units.add(unit);
        return unit;
    }

    @Test
    void eachUnitSoftDeletesHidesAndRestoresItsOwnEntities() throws SQLException {
        EntityManagerFactory customers = unit("customers", StaleCustomer.class, StaleLine.class);
        EntityManagerFactory tags = unit("tags", Tag.class);

        assertThat(SoftDeleteMetadata.of(customers.unwrap(SessionFactory.class)).table(Tag.class)).isEmpty();
        assertThat(SoftDeleteMetadata.of(tags.unwrap(SessionFactory.class)).table(StaleCustomer.class)).isEmpty();
        assertThat(SoftDeleteMetadata.of(tags.unwrap(SessionFactory.class)).table(Tag.class)).isPresent();

        Long tagId = tags.callInTransaction(em -> {
            Tag tag = new Tag("t");
            em.persist(tag);
            em.flush();
            return tag.getId();
        });
        Long customerId = customers.callInTransaction(em -> {
            StaleCustomer customer = new StaleCustomer("carol");
            em.persist(customer);
            em.flush();
            return customer.getId();
        });

        tags.runInTransaction(em -> em.remove(em.find(Tag.class, tagId)));
        customers.runInTransaction(em -> em.remove(em.find(StaleCustomer.class, customerId)));

        Tag hiddenTag = tags.callInTransaction(em -> em.find(Tag.class, tagId));
        StaleCustomer hiddenCustomer = customers.callInTransaction(em -> em.find(StaleCustomer.class, customerId));
        assertThat(hiddenTag).as("tag hidden").isNull();
        assertThat(hiddenCustomer).as("customer hidden").isNull();
        assertThat(markerIsSet("tag", tagId)).as("tag row kept, marked").isTrue();
        assertThat(markerIsSet("stale_customer", customerId)).as("customer row kept, marked").isTrue();

        boolean tagRestored = tags.callInTransaction(em -> SoftDeleteSession.wrap(em).restore(Tag.class, tagId));
        boolean customerRestored = customers.callInTransaction(
                em -> SoftDeleteSession.wrap(em).restore(StaleCustomer.class, customerId));
        assertThat(tagRestored).isTrue();
        assertThat(customerRestored).isTrue();
        assertThat(markerIsSet("tag", tagId)).isFalse();
        assertThat(markerIsSet("stale_customer", customerId)).isFalse();
    }

    /** Reads the row by plain JDBC: true if it is there with its marker set, false if there and live. */
    private static boolean markerIsSet(String table, Long id) throws SQLException {
        try (Connection connection = TestDatabase.current().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select deleted_at from " + table + " where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("row %s of %s exists", id, table).isTrue();
                return row.getObject(1) != null;
            }
        }
    }
}
