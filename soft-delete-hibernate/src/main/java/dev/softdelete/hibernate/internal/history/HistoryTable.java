package dev.softdelete.hibernate.internal.history;

import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.List;

/**
 * The history table: its name, its columns, and its DDL for the databases the library supports. The
 * bootstrap maps the same columns, with the same types, so that the schema tool and
 * {@code SoftDeleteSchema} create the same table.
 */
public final class HistoryTable {

    public static final String NAME = "softdelete_history";

    /** One column: name, SQL type on each database (in {@link #type}'s order), nullability. */
    public record ColumnDef(String name, Class<?> javaType, int length, boolean nullable) {
    }

    public static final List<ColumnDef> COLUMNS = List.of(
            new ColumnDef("entry_id", Long.class, 0, false),
            new ColumnDef("operation_id", Long.class, 0, false),
            new ColumnDef("kind", String.class, 20, false),
            new ColumnDef("entity_name", String.class, 255, false),
            new ColumnDef("entity_id", String.class, 255, true),
            new ColumnDef("row_count", Long.class, 0, false),
            new ColumnDef("occurred_at", java.time.Instant.class, 0, false),
            new ColumnDef("actor", String.class, 255, true),
            new ColumnDef("reason", String.class, 1000, true),
            new ColumnDef("tenant_id", String.class, 255, true));

    /** The indexes the queries of {@code SoftDeleteHistory} use: by operation, by row, by actor. */
    public static final List<List<String>> INDEXES = List.of(List.of("operation_id"),
            List.of("entity_name", "entity_id"), List.of("actor"));

    private HistoryTable() {
    }

    /**
     * The table's name in the library's statements: as the factory renders every mapped table, in the
     * default schema or catalog if one is set.
     */
    static String sqlName(SharedSessionContractImplementor session, SoftDeleteService service) {
        return session.getFactory().getSqlStringGenerationContext().format(service.model().historyTable());
    }

    public static String indexName(List<String> columns) {
        return NAME + "_" + String.join("_", columns) + "_idx";
    }

    /** The column list, as in every statement of the library. */
    static String columnList() {
        StringBuilder list = new StringBuilder();
        for (ColumnDef column : COLUMNS) {
            list.append(list.isEmpty() ? "" : ", ").append(column.name());
        }
        return list.toString();
    }

    /**
     * The statements that create the table and its indexes on the dialect's database.
     *
     * @throws IllegalArgumentException for a database other than PostgreSQL, H2, MariaDB or MySQL
     */
    public static List<String> createStatements(Dialect dialect) {
        StringBuilder create = new StringBuilder("create table ").append(NAME).append(" (");
        for (ColumnDef column : COLUMNS) {
            create.append(column.name()).append(' ').append(type(column, dialect))
                    .append(column.nullable() ? "" : " not null").append(", ");
        }
        create.append("primary key (entry_id))");
        List<String> statements = new java.util.ArrayList<>(List.of(create.toString()));
        for (List<String> index : INDEXES) {
            statements.add("create index " + indexName(index) + " on " + NAME + " (" + String.join(", ", index) + ")");
        }
        return statements;
    }

    private static String type(ColumnDef column, Dialect dialect) {
        if (column.javaType() == Long.class) {
            return "bigint";
        }
        if (column.javaType() == String.class) {
            return "varchar(" + column.length() + ")";
        }
        if (dialect instanceof PostgreSQLDialect || dialect instanceof H2Dialect) {
            return "timestamp(6) with time zone";
        }
        if (dialect instanceof MySQLDialect) {
            return "datetime(6)";
        }
        throw new IllegalArgumentException("softdelete: no history table DDL for " + dialect.getClass().getName()
                + "; PostgreSQL, H2, MariaDB and MySQL are supported (let the schema tool create it elsewhere)");
    }
}
