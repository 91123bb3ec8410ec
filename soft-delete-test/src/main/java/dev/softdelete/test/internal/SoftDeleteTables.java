package dev.softdelete.test.internal;

import dev.softdelete.hibernate.SoftDeletableTable;
import dev.softdelete.hibernate.SoftDeleteMetadata;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the entities of one SessionFactory live, as the kit's SQL heuristics compare names: the
 * soft-deletable ones from the library's {@link SoftDeleteMetadata}, the others from Hibernate's
 * mapping metamodel (table and id only).
 */
public final class SoftDeleteTables {

    /** The physical names of one entity: table names are lower case and unquoted in {@code key}. */
    public record EntityTable(String entityName, String table, String key, String idColumn, String markerColumn,
                              String actorColumn, String reasonColumn) {
    }

    private final SessionFactoryImplementor factory;
    private final SoftDeleteMetadata metadata;
    private final Map<String, String> markerByTable;
    private final Map<String, String> idByTable;

    private SoftDeleteTables(SessionFactoryImplementor factory) {
        this.factory = factory;
        this.metadata = SoftDeleteMetadata.of(factory);
        Map<String, String> markers = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (SoftDeletableTable table : metadata.tables()) {
            markers.putIfAbsent(key(table.table()), unquote(table.markerColumn()));
            if (table.idColumn() != null) {
                ids.putIfAbsent(key(table.table()), unquote(table.idColumn()));
            }
        }
        this.markerByTable = Collections.unmodifiableMap(markers);
        this.idByTable = Collections.unmodifiableMap(ids);
    }

    public static SoftDeleteTables of(SessionFactory factory) {
        return new SoftDeleteTables(factory.unwrap(SessionFactoryImplementor.class));
    }

    /** Soft-deletable table (lower case, unquoted) to its marker column (lower case, unquoted). */
    public Map<String, String> markerByTable() {
        return markerByTable;
    }

    /** The join tables of many-to-many collections (lower case, unquoted). */
    public Set<String> linkTables() {
        Set<String> tables = new LinkedHashSet<>();
        factory.getMappingMetamodel().forEachCollectionDescriptor(collection -> {
            if (collection.isManyToMany()) {
                tables.add(key(collection.getTableName()));
            }
        });
        return tables;
    }

    /** Soft-deletable table (lower case, unquoted) to its (first) id column (lower case, unquoted). */
    public Map<String, String> idByTable() {
        return idByTable;
    }

    /** The table of an entity class; its marker columns are null when it is not soft-deletable. */
    public EntityTable of(Class<?> entityClass) {
        EntityPersister persister;
        try {
            persister = factory.getMappingMetamodel().getEntityDescriptor(entityClass);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entityClass.getName() + " is not an entity of this SessionFactory", e);
        }
        EntityTable table = describe(persister);
        if (table == null) {
            throw new IllegalArgumentException(entityClass.getName() + " has no table of its own to read");
        }
        return table;
    }

    private EntityTable describe(EntityPersister persister) {
        Optional<SoftDeletableTable> softDeletable = metadata.table(persister.getEntityName());
        if (softDeletable.isPresent()) {
            SoftDeletableTable table = softDeletable.get();
            String id = table.idColumn() != null ? table.idColumn() : firstIdColumn(persister);
            return new EntityTable(persister.getEntityName(), table.table(), key(table.table()), id,
                    table.markerColumn(), table.deletedByColumn(), table.reasonColumn());
        }
        // not soft-deletable: its own table (a TABLE_PER_CLASS entity reports a union subquery elsewhere)
        String mapped = persister.getMappedTableDetails().getTableName();
        if (mapped == null || mapped.trim().startsWith("(")) {
            return null;
        }
        return new EntityTable(persister.getEntityName(), mapped, key(mapped), firstIdColumn(persister), null, null, null);
    }

    private static String firstIdColumn(EntityPersister persister) {
        List<String> ids = new ArrayList<>();
        persister.getIdentifierMapping().forEachSelectable((index, selectable) -> ids.add(selectable.getSelectionExpression()));
        return ids.get(0);
    }

    /** A table or column name as the SQL heuristics compare it: unquoted, without schema, lower case. */
    public static String key(String name) {
        String plain = unquote(name);
        int dot = plain.lastIndexOf('.');
        return dot < 0 ? plain : plain.substring(dot + 1);
    }

    private static String unquote(String name) {
        return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    }
}
