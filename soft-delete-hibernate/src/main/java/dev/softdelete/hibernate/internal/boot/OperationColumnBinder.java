package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Table;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to the table holding each soft-deletable hierarchy's marker the column that records which
 * delete operation marked a row ({@value #LOGICAL_NAME}, through the physical naming strategy). No
 * attribute maps it: only the library's own statements write it (the delete, the cascade, the bulk
 * delete, the restore), and a restore reads it to bring back exactly the rows one delete marked,
 * whatever the precision of the marker column. A TABLE_PER_CLASS subclass table includes the root's
 * columns, this one too. The column is indexed, except on H2: rows are selected by it.
 */
final class OperationColumnBinder {

    static final String LOGICAL_NAME = "delete_operation";

    private final InFlightMetadataCollector metadata;
    private final MetadataBuildingContext buildingContext;

    OperationColumnBinder(InFlightMetadataCollector metadata, MetadataBuildingContext buildingContext) {
        this.metadata = metadata;
        this.buildingContext = buildingContext;
    }

    /** The types with their operation column; a name already taken in a table is a problem. */
    Map<String, SoftDeletableType> bind(Map<String, SoftDeletableType> roots, List<String> problems) {
        Database database = metadata.getDatabase();
        Identifier name = buildingContext.getBuildingOptions().getPhysicalNamingStrategy()
                .toPhysicalColumnName(database.toIdentifier(LOGICAL_NAME), database.getJdbcEnvironment());
        Map<String, SoftDeletableType> bound = new LinkedHashMap<>();
        for (SoftDeletableType type : roots.values()) {
            RootClass root = (RootClass) metadata.getEntityBinding(type.rootEntityName());
            Table table = root.getRootTable();
            Column taken = table.getColumn(name);
            if (taken != null) {
                problems.add(type.rootEntityName() + attributeMapping(root, taken) + ": its table " + table.getName()
                        + " already has a column " + name.getText() + ", which softdelete adds to record which delete"
                        + " operation marked a row; rename that column (@Column(name = ...))");
                continue;
            }
            Column column = new Column(name.render(database.getDialect()));
            column.setSqlTypeCode(Types.BIGINT);
            column.setNullable(true);
            column.setComment("softdelete: id of the delete operation that marked the row");
            // Hibernate sizes and orders every column through its value, so the column needs one
            BasicValue value = new BasicValue(buildingContext, table);
            value.setImplicitJavaTypeAccess(typeConfiguration -> Long.class);
            value.addColumn(column);
            table.addColumn(column);
            // the cascade of a bulk delete and a restore select rows by operation id: without an index, MariaDB
            // scans, and share-locks, the whole table for it, and concurrent deletes deadlock on those locks.
            // On H2 the index costs every delete and restore an entry rewrite per row: a by-hand probe of the
            // cascade benchmark's delete on H2 2.5 ran 1.6-3.5x as long with it (docs/benchmarks.md), against
            // one scan per level for the cascade of a bulk delete without it.
            if (!(database.getDialect() instanceof H2Dialect)) {
                table.getOrCreateIndex(indexName(table)).addColumn(column);
            }
            bound.put(type.rootEntityName(), type.withOperationColumn(column.getQuotedName(database.getDialect())));
        }
        return bound;
    }

    /** {@code <table>_delete_op_idx}, or a short stable name where that passes the 60 characters most databases take. */
    private static String indexName(Table table) {
        String name = table.getName() + "_delete_op_idx";
        return name.length() <= 60 ? name : "sd_delete_op_idx_" + Integer.toHexString(table.getName().hashCode());
    }

    /** {@code #attribute} of the property mapped to the column, or nothing when none is. */
    private static String attributeMapping(RootClass root, Column column) {
        for (Property property : root.getPropertyClosure()) {
            if (property.getColumns().contains(column)) {
                return "#" + property.getName();
            }
        }
        return "";
    }
}
