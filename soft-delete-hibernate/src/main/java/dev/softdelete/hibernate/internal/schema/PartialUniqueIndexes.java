package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.model.LiveUniqueStyle;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The partial unique indexes of one table, as an auxiliary database object: hbm2ddl creates them after
 * the tables and drops them before. A unique key of the boot model cannot carry a WHERE clause.
 */
final class PartialUniqueIndexes implements AuxiliaryDatabaseObject {

    private static final long serialVersionUID = 1L;

    private final String exportIdentifier;
    private final transient Table table;
    private final List<LiveUniqueKey> keys;

    PartialUniqueIndexes(Table table, List<LiveUniqueKey> keys) {
        this.exportIdentifier = "softdelete-live-unique-" + table.getExportIdentifier();
        this.table = table;
        this.keys = List.copyOf(keys);
    }

    @Override
    public String getExportIdentifier() {
        return exportIdentifier;
    }

    @Override
    public boolean appliesToDialect(Dialect dialect) {
        return LiveUniqueStyle.of(dialect) == LiveUniqueStyle.PARTIAL_INDEX;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return false;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        LiveUniqueDdl ddl = new LiveUniqueDdl(context.getDialect());
        String tableName = context.format(table.getQualifiedTableName());
        List<String> statements = new ArrayList<>();
        keys.forEach(key -> statements.add(ddl.createKey(tableName, key)));
        return statements.toArray(String[]::new);
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        LiveUniqueDdl ddl = new LiveUniqueDdl(context.getDialect());
        String tableName = context.format(table.getQualifiedTableName());
        List<String> statements = new ArrayList<>();
        keys.forEach(key -> statements.add(ddl.dropKey(tableName, key)));
        return statements.toArray(String[]::new);
    }
}
