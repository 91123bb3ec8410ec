package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.model.LiveUniqueKeys;
import dev.softdelete.hibernate.internal.model.LiveUniqueStyle;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.jboss.logging.Logger;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Boot phase (AdditionalMappingContributor, after second passes, so every unique key, unique flag
 * and natural-id key is bound): records the unique keys of each table holding a soft-delete marker
 * and, under {@code softdelete.unique=live-rows}, rewrites them so that they hold among live rows.
 */
public final class LiveUniqueBinder {

    private static final Logger LOG = Logger.getLogger(LiveUniqueBinder.class);

    private final InFlightMetadataCollector metadata;
    private final MetadataBuildingContext buildingContext;
    private final LiveUniqueKeys.Builder keys;
    private final Dialect dialect;

    public LiveUniqueBinder(MetadataBuildingContext buildingContext, LiveUniqueKeys.Builder keys) {
        this.buildingContext = buildingContext;
        this.metadata = buildingContext.getMetadataCollector();
        this.keys = keys;
        this.dialect = metadata.getDatabase().getDialect();
    }

    /** Binds the keys of every soft-deletable table; {@code contribute} receives the auxiliary objects. */
    public void bind(Map<String, SoftDeletableType> roots, Consumer<AuxiliaryDatabaseObject> contribute) {
        Set<List<Column>> referenced = keysReferencedByForeignKeys();
        Map<Table, List<LiveUniqueKey>> tables = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            SoftDeletableType type = roots.get(entity.getRootClass().getEntityName());
            if (type == null) {
                continue;
            }
            Column marker = entity.getRootClass().getProperty(type.markerAttribute()).getColumns().get(0);
            Table table = entity.getTable().getColumn(marker) != null ? entity.getTable() : entity.getRootTable();
            if (!table.isPhysicalTable()) {
                continue;
            }
            List<LiveUniqueKey> tableKeys = tables.get(table);
            if (tableKeys == null) {
                tableKeys = bindTable(type, table, table.getColumn(marker), referenced, contribute);
                tables.put(table, tableKeys);
            }
            keys.registerEntity(entity.getEntityName(), tableKeys);
        }
        var registry = metadata.getBootstrapContext().getServiceRegistry();
        PlainUniqueCheck.run(registry.requireService(ConfigurationService.class).getSettings(),
                registry.requireService(JdbcServices.class).getBootstrapJdbcConnectionAccess(), dialect, keys.liveRows() ? keys.all() : List.of());
    }

    private List<LiveUniqueKey> bindTable(SoftDeletableType type, Table table, Column marker,
            Set<List<Column>> referenced, Consumer<AuxiliaryDatabaseObject> contribute) {
        List<LiveUniqueKey> found = new ArrayList<>();
        List<UniqueKey> tableKeys = new ArrayList<>();
        List<Column> uniqueColumns = new ArrayList<>();
        for (UniqueKey key : List.copyOf(table.getUniqueKeys().values())) {
            if (isRewritable(key.getColumns(), marker, referenced)) {
                tableKeys.add(key);
                found.add(describe(type, table, key.getName(), key.getColumns(), marker));
            }
        }
        for (Column column : table.getColumns()) {
            if (column.isUnique() && !table.isPrimaryKey(column) && isRewritable(List.of(column), marker, referenced)) {
                uniqueColumns.add(column);
                // Hibernate names column keys when it binds them; the fallback is for columns named later
                String name = column.getUniqueKeyName() != null ? column.getUniqueKeyName()
                        : fallbackName(table, column);
                found.add(describe(type, table, name, List.of(column), marker));
            }
        }
        found.forEach(keys::add);
        if (found.isEmpty() || !keys.liveRows()) {
            return found;
        }
        LiveUniqueStyle style = LiveUniqueStyle.of(dialect);
        if (style == null) {
            LOG.warnf("softdelete: %s has unique keys, but %s has no unique-among-live-rows DDL in softdelete;"
                    + " they stay unique among all rows (set %s=all-rows to silence this)", table.getName(),
                    dialect.getClass().getSimpleName(), dev.softdelete.hibernate.SoftDeleteSettings.UNIQUE);
            return found;
        }
        if (style == LiveUniqueStyle.PARTIAL_INDEX && removeAll(table, tableKeys)) {
            uniqueColumns.forEach(LiveUniqueBinder::clearUniqueFlag);
            contribute.accept(new PartialUniqueIndexes(table, found));
        }
        else {
            addLiveColumn(table, marker, tableKeys, uniqueColumns, found);
        }
        LOG.debugf("softdelete: %d unique keys of %s hold among live rows (%s)", found.size(), table.getName(), style);
        return found;
    }

    /** A key is rewritten unless a foreign key references it: databases require a plain unique key there. */
    private static boolean isRewritable(List<Column> columns, Column marker, Set<List<Column>> referenced) {
        return !columns.isEmpty() && !columns.contains(marker)
                && referenced.stream().noneMatch(fk -> fk.size() == columns.size() && fk.containsAll(columns));
    }

    private Set<List<Column>> keysReferencedByForeignKeys() {
        Set<List<Column>> referenced = new HashSet<>();
        for (Table table : metadata.collectTableMappings()) {
            for (ForeignKey foreignKey : table.getForeignKeyCollection()) {
                if (!foreignKey.isReferenceToPrimaryKey()) {
                    referenced.add(List.copyOf(foreignKey.getReferencedColumns()));
                }
            }
        }
        return referenced;
    }

    private LiveUniqueKey describe(SoftDeletableType type, Table table, String name, List<Column> columns, Column marker) {
        List<Identifier> identifiers = columns.stream().map(column -> column.getNameIdentifier(metadata.getDatabase())).toList();
        return new LiveUniqueKey(type.rootEntityName(), table.getQualifiedTableName(), name, identifiers,
                marker.getNameIdentifier(metadata.getDatabase()));
    }

    /**
     * PostgreSQL: the keys must leave the table, as a partial index replaces them. Table has no method
     * to remove a unique key, but it drops, by design, every key that repeats its primary key; so the
     * keys are turned into such repeats. Returns false (keys untouched) when that did not work.
     */
    private static boolean removeAll(Table table, List<UniqueKey> tableKeys) {
        if (tableKeys.isEmpty()) {
            return true;
        }
        if (table.getPrimaryKey() == null || table.getPrimaryKey().getColumns().isEmpty()) {
            return false;
        }
        Map<UniqueKey, List<Column>> original = new IdentityHashMap<>();
        for (UniqueKey key : tableKeys) {
            original.put(key, List.copyOf(key.getColumns()));
            key.getColumns().clear();
            key.getColumns().addAll(table.getPrimaryKey().getColumns());
        }
        // a new key changes the map's size, which is what makes Table look for repeats again
        UniqueKey trigger = table.getOrCreateUniqueKey("sd_removed");
        table.getPrimaryKey().getColumns().forEach(trigger::addColumn);
        boolean removed = tableKeys.stream().noneMatch(key -> table.getUniqueKeys().containsValue(key))
                && !table.getUniqueKeys().containsValue(trigger);
        if (!removed) {
            LOG.debugf("softdelete: could not remove the unique keys of %s; using a live column instead", table.getName());
            original.forEach((key, columns) -> {
                key.getColumns().clear();
                key.getColumns().addAll(columns);
            });
            trigger.getColumns().clear();
        }
        return removed;
    }

    private static String fallbackName(Table table, Column column) {
        String name = "uk_" + table.getName() + "_" + column.getName();
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static void clearUniqueFlag(Column column) {
        column.setUnique(false);
        column.setUniqueKeyName(null);
    }

    /** H2, MariaDB, MySQL: each key gains a generated column, 1 on live rows and NULL on deleted ones. */
    private void addLiveColumn(Table table, Column marker, List<UniqueKey> tableKeys, List<Column> uniqueColumns,
            List<LiveUniqueKey> found) {
        Column live = new Column(LiveUniqueKey.LIVE_COLUMN);
        live.setSqlType("smallint");
        live.setSqlTypeCode(Types.SMALLINT);
        live.setNullable(true);
        live.setGeneratedAs(LiveUniqueDdl.liveExpression(marker.getQuotedName(dialect)));
        // Hibernate sizes and orders every column through its value, so the column needs one
        BasicValue value = new BasicValue(buildingContext, table);
        value.setImplicitJavaTypeAccess(typeConfiguration -> Short.class);
        value.addColumn(live);
        table.addColumn(live);
        for (UniqueKey key : tableKeys) {
            key.addColumn(live);
            // named, so that the generated schema and the printed scripts agree on the name
            key.setNameExplicit(true);
        }
        for (Column column : uniqueColumns) {
            String name = found.stream().filter(k -> k.columns().size() == 1
                    && k.columns().get(0).equals(column.getNameIdentifier(metadata.getDatabase())))
                    .findFirst().orElseThrow().name();
            clearUniqueFlag(column);
            UniqueKey key = table.getOrCreateUniqueKey(name);
            key.addColumn(column);
            key.addColumn(live);
            key.setNameExplicit(true);
        }
    }
}
