package dev.softdelete.it.unique;

import dev.softdelete.hibernate.SoftDeleteSchema;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.UniqueAccount;
import dev.softdelete.it.model.UniqueCustomer;
import dev.softdelete.it.model.UniqueMember;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The printed DDL, for schemas managed outside hbm2ddl: a database created with plain unique
 * constraints ({@code softdelete.unique=all-rows}), migrated with the printed statements, behaves like
 * the generated schema; the bootstrap check warns while it is not migrated.
 */
class SoftDeleteSchemaTest {

    private static final List<Class<?>> MODEL = List.of(UniqueCustomer.class, UniqueAccount.class, UniqueMember.class);

    private final DataSource dataSource = TestDatabase.current().dataSource();

    private SessionFactory plainSchema() {
        return TestSessionFactory.build(dataSource, Map.of(SoftDeleteSettings.UNIQUE, "all-rows"), MODEL);
    }

    private SessionFactory withoutSchemaTooling() {
        return TestSessionFactory.build(dataSource, Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), MODEL);
    }

    private void execute(List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Long persist(SessionFactory factory, String email) {
        return factory.fromTransaction(s -> {
            UniqueCustomer customer = new UniqueCustomer(email);
            s.persist(customer);
            return customer.getId();
        });
    }

    @Test
    void allRowsKeepsTheStandardConstraintSoADeletedRowBlocksANewOne() {
        try (SessionFactory plain = plainSchema()) {
            // GIVEN
            Long old = persist(plain, "john@example.com");
            plain.inTransaction(s -> s.remove(s.find(UniqueCustomer.class, old)));

            // WHEN / THEN
            assertThatThrownBy(() -> persist(plain, "john@example.com")).isInstanceOf(ConstraintViolationException.class);
        }
    }

    @Test
    void migrationStatementsGiveAPlainSchemaTheLiveRowBehaviour() throws SQLException {
        try (SessionFactory plain = plainSchema()) {
            // GIVEN
            List<String> migration;
            try (Connection connection = dataSource.getConnection()) {
                migration = SoftDeleteSchema.of(plain).migrationStatements(connection);
            }

            // WHEN
            execute(migration);

            // THEN
            try (SessionFactory live = withoutSchemaTooling()) {
                Long old = persist(live, "john@example.com");
                live.inTransaction(s -> s.remove(s.find(UniqueCustomer.class, old)));
                persist(live, "john@example.com");
                assertThatThrownBy(() -> persist(live, "john@example.com"))
                        .isInstanceOf(ConstraintViolationException.class);
            }
        }
    }

    @Test
    void migrationStatementsDropOnePlainConstraintPerKey() throws SQLException {
        try (SessionFactory plain = plainSchema(); Connection connection = dataSource.getConnection()) {
            // WHEN
            List<String> migration = SoftDeleteSchema.of(plain).migrationStatements(connection);

            // THEN: customer email, account tenant+login, member natural id
            assertThat(migration.stream().filter(sql -> sql.contains(" drop "))).hasSize(3);
            assertThat(migration).containsAll(SoftDeleteSchema.of(plain).createStatements());
        }
    }

    @Test
    void bootstrapWarnsAboutAPlainConstraintNamingTableColumnsAndFix() {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.softdelete.hibernate.internal.schema.PlainUniqueCheck");
        logger.addHandler(handler);
        try (SessionFactory plain = plainSchema()) {
            // WHEN
            withoutSchemaTooling().close();

            // THEN
            assertThat(warnings).anySatisfy(warning -> assertThat(warning.toLowerCase())
                    .contains("table unique_customer still has the plain unique constraint")
                    .contains("[email]")
                    .contains("drop"));
        }
        finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void createStatementsForPostgreSqlArePartialUniqueIndexes() {
        try (SessionFactory plain = plainSchema()) {
            // WHEN
            List<String> create = SoftDeleteSchema.of(plain).forDialect(new PostgreSQLDialect()).createStatements();

            // THEN
            assertThat(create).hasSize(3).allMatch(sql -> sql.startsWith("create unique index ")
                    && sql.endsWith(" where deleted_at is null"));
            assertThat(create).contains("create unique index uk_account_tenant_login on unique_account (tenant, login)"
                    + " where deleted_at is null");
        }
    }
}
