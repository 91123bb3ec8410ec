package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.history.HistoryTable;
import dev.softdelete.hibernate.internal.history.HistoryTable.ColumnDef;
import dev.softdelete.hibernate.internal.model.SoftDeleteModel;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Table;

import java.util.List;

/**
 * Adds the history table to the mapping when {@code softdelete.history=table}: a table without an
 * entity, which the schema tool creates, updates, validates and drops with the others.
 */
final class HistoryTableBinder {

    private HistoryTableBinder() {
    }

    static void bind(InFlightMetadataCollector metadata, MetadataBuildingContext buildingContext,
            SoftDeleteModel.Builder model) {
        Table table = metadata.addTable(null, null, HistoryTable.NAME, null, false, buildingContext, true);
        table.setComment("softdelete: the history of deletes, cascades, restores, hard deletes and purges");
        for (ColumnDef definition : HistoryTable.COLUMNS) {
            Column column = new Column(definition.name());
            column.setNullable(definition.nullable());
            if (definition.length() > 0) {
                column.setLength(definition.length());
            }
            // Hibernate sizes and types every column through its value, so the column needs one
            BasicValue value = new BasicValue(buildingContext, table);
            value.setImplicitJavaTypeAccess(typeConfiguration -> definition.javaType());
            value.addColumn(column);
            table.addColumn(column);
        }
        PrimaryKey primaryKey = new PrimaryKey(table);
        primaryKey.addColumn(table.getColumn(metadata.getDatabase().toIdentifier("entry_id")));
        table.setPrimaryKey(primaryKey);
        for (List<String> columns : HistoryTable.INDEXES) {
            Index index = table.getOrCreateIndex(HistoryTable.indexName(columns));
            columns.forEach(name -> index.addColumn(table.getColumn(metadata.getDatabase().toIdentifier(name))));
        }
        model.historyTable(table.getQualifiedTableName());
    }
}
