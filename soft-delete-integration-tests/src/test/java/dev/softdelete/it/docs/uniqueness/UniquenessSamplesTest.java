package dev.softdelete.it.docs.uniqueness;

import dev.softdelete.hibernate.SoftDeleteSchema;
import dev.softdelete.it.model.UniqueCustomer;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/uniqueness.md's sample: the DDL the schema helper prints for Flyway or Liquibase. */
class UniquenessSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueCustomer.class);

    @Test
    void theSchemaHelperPrintsCreateDropAndMigrationStatements() throws SQLException {
        SessionFactory sessionFactory = db.sessionFactory();
        DataSource dataSource = TestDatabase.current().dataSource();
        List<String> migration = new ArrayList<>();

        // tag::uniqueness-schema[]
        SoftDeleteSchema schema = SoftDeleteSchema.of(sessionFactory);           // the factory's dialect
        List<String> create = schema.createStatements();                         // tables without unique keys
        List<String> drop = schema.dropStatements();                             // undo
        try (Connection c = dataSource.getConnection()) {
            List<String> migrate = schema.migrationStatements(c);                // drop the plain constraints, then create
            // end::uniqueness-schema[]
            migration.addAll(migrate);
            // tag::uniqueness-schema-dialect[]
        }
        SoftDeleteSchema.of(sessionFactory).forDialect(new PostgreSQLDialect()).createStatements();
        // end::uniqueness-schema-dialect[]
        List<String> postgres = SoftDeleteSchema.of(sessionFactory).forDialect(new PostgreSQLDialect()).createStatements();

        assertThat(create).isNotEmpty().allSatisfy(sql -> assertThat(sql).containsIgnoringCase("unique_customer"));
        assertThat(drop).hasSameSizeAs(create);
        assertThat(migration).containsAll(create);
        assertThat(postgres).anySatisfy(sql -> assertThat(sql).containsIgnoringCase("where deleted_at is null"));
    }
}
