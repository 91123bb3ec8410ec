package dev.softdelete.hibernate;

import dev.softdelete.hibernate.internal.history.HistoryTable;
import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.schema.LiveUniqueDdl;
import dev.softdelete.hibernate.internal.schema.PlainUniqueConstraints;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.Incubating;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL that makes the unique constraints of soft-deletable entities hold among live rows only, and
 * the history table ({@link #historyStatements()}), for applications whose schema is managed by
 * Flyway, Liquibase or by hand rather than by hbm2ddl. It covers
 * {@code @Column(unique = true)}, {@code @Table(uniqueConstraints = ...)} and {@code @NaturalId} of every
 * table that holds a soft-delete marker: a partial unique index ({@code ... where deleted_at is null}) on
 * PostgreSQL; on H2, MariaDB and MySQL a generated column {@code sd_live}, 1 on live rows and NULL on
 * deleted ones, and a unique constraint over the key columns plus {@code sd_live}. The statements are
 * the ones hbm2ddl runs for the same mapping, so both routes give the same schema.
 *
 * <pre>{@code
 * SoftDeleteSchema schema = SoftDeleteSchema.of(sessionFactory);
 * schema.createStatements();                      // for tables created without unique keys
 * schema.migrationStatements(connection);         // drops the plain unique constraints found, then creates
 * SoftDeleteSchema.of(sessionFactory).forDialect(new PostgreSQLDialect()).createStatements();
 * }</pre>
 *
 * Incubating: the statement forms may change before 1.0.
 *
 * @since 0.1.0
 */
@Incubating
public final class SoftDeleteSchema {

    private final List<LiveUniqueKey> keys;
    private final Dialect dialect;

    private SoftDeleteSchema(List<LiveUniqueKey> keys, Dialect dialect) {
        this.keys = keys;
        this.dialect = dialect;
    }

    /**
     * The schema of a SessionFactory's soft-deletable tables, rendered for the factory's dialect. The keys
     * are known whatever {@code softdelete.unique} says, so a factory running with {@code all-rows} can
     * print the script for a database that is migrated later.
     *
     * @param sessionFactory a factory built with softdelete enabled
     * @return the schema, for the factory's dialect
     * @throws IllegalArgumentException if the factory's dialect has no live-row DDL (see {@link #forDialect})
     * @since 0.1.0
     */
    public static SoftDeleteSchema of(SessionFactory sessionFactory) {
        SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
        SoftDeleteService service = factory.getServiceRegistry().requireService(SoftDeleteService.class);
        Dialect dialect = factory.getJdbcServices().getDialect();
        new LiveUniqueDdl(dialect);
        return new SoftDeleteSchema(service.uniqueKeys().all(), dialect);
    }

    /**
     * The same schema, rendered for another database.
     *
     * @param dialect a PostgreSQL, H2, MariaDB or MySQL dialect
     * @return a schema printing statements for that dialect
     * @throws IllegalArgumentException for any other dialect
     * @since 0.1.0
     */
    public SoftDeleteSchema forDialect(Dialect dialect) {
        new LiveUniqueDdl(dialect);
        return new SoftDeleteSchema(keys, dialect);
    }

    /**
     * The statements that add the live-row unique keys to existing tables that have no unique
     * constraint on those columns: the {@code sd_live} column first, where the database needs it.
     *
     * @return the statements, without terminating semicolons; empty if no soft-deletable table has a key
     * @since 0.1.0
     */
    public List<String> createStatements() {
        return new LiveUniqueDdl(dialect).create(keys);
    }

    /**
     * The statements that create the history table ({@code softdelete.history=table}) and its indexes, as
     * the schema tool creates them for this dialect: for a schema managed by Flyway, Liquibase or by hand.
     *
     * @return the statements, without terminating semicolons
     * @since 0.1.0
     */
    public List<String> historyStatements() {
        return HistoryTable.createStatements(dialect);
    }

    /**
     * The statements that take the live-row unique keys out again (and the {@code sd_live} column), in
     * the reverse order of {@link #createStatements()}; they do not bring back plain constraints.
     *
     * @return the statements, without terminating semicolons
     * @since 0.1.0
     */
    public List<String> dropStatements() {
        return new LiveUniqueDdl(dialect).drop(keys);
    }

    /**
     * The statements that migrate a database created with plain unique constraints: drop each plain
     * constraint that the connection's database has over exactly the columns of a key (their names are
     * read from {@code information_schema}, as databases name unnamed constraints themselves), then
     * {@link #createStatements()}. Nothing is executed.
     *
     * @param connection a connection to the database to migrate, on the schema that holds the tables
     * @return the statements, without terminating semicolons
     * @throws SQLException if the database's catalog cannot be read
     * @since 0.1.0
     */
    public List<String> migrationStatements(Connection connection) throws SQLException {
        LiveUniqueDdl ddl = new LiveUniqueDdl(dialect);
        List<String> statements = new ArrayList<>();
        for (PlainUniqueConstraints.Found plain : PlainUniqueConstraints.find(connection, keys)) {
            statements.add(ddl.dropPlainConstraint(plain.key(), plain.constraintName()));
        }
        statements.addAll(ddl.create(keys));
        return statements;
    }
}
