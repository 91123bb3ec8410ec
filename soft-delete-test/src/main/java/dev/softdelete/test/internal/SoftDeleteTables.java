package dev.softdelete.test.internal;

import dev.softdelete.SoftDelete;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the soft-deletable entities of one SessionFactory live: table and marker columns, read from
 * Hibernate's mapping metamodel and the {@code @SoftDelete} annotation of each entity class.
 */
public final class SoftDeleteTables {

    /** The physical names of one entity: table names are lower case and unquoted in {@code key}. */
    public record EntityTable(String entityName, String table, String key, String idColumn, String markerColumn,
                              String actorColumn, String reasonColumn) {
    }

    private final SessionFactoryImplementor factory;
    private final Map<String, String> markerByTable;
    private final Map<String, String> idByTable;

    private SoftDeleteTables(SessionFactoryImplementor factory) {
        this.factory = factory;
        Map<String, String> markers = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            EntityTable table = describe(persister);
            if (table != null && table.markerColumn() != null) {
                markers.putIfAbsent(table.key(), unquote(table.markerColumn()));
                ids.putIfAbsent(table.key(), unquote(table.idColumn()));
            }
        });
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

    private static EntityTable describe(EntityPersister persister) {
        String table = ownTable(persister);
        if (table == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        persister.getIdentifierMapping().forEachSelectable((index, selectable) -> ids.add(selectable.getSelectionExpression()));
        SoftDelete annotation = persister.getMappedClass() == null ? null
                : persister.getMappedClass().getAnnotation(SoftDelete.class);
        if (annotation == null) {
            return new EntityTable(persister.getEntityName(), table, key(table), ids.get(0), null, null, null);
        }
        return new EntityTable(persister.getEntityName(), table, key(table), ids.get(0),
                column(persister, annotation.attribute()), column(persister, annotation.deletedBy()),
                column(persister, annotation.reason()));
    }

    /**
     * The table holding the entity's marker: the root table under JOINED, the entity's own table
     * otherwise. A TABLE_PER_CLASS entity reports a union subquery as containing table, so its
     * mapped table is taken instead.
     */
    private static String ownTable(EntityPersister persister) {
        SelectableMapping marker = null;
        SoftDelete annotation = persister.getMappedClass() == null ? null
                : persister.getMappedClass().getAnnotation(SoftDelete.class);
        if (annotation != null && persister.findAttributeMapping(annotation.attribute()) instanceof SelectableMapping m) {
            marker = m;
        }
        String containing = marker != null ? marker.getContainingTableExpression() : null;
        if (containing != null && !containing.trim().startsWith("(")) {
            return containing;
        }
        String mapped = persister.getMappedTableDetails().getTableName();
        return mapped == null || mapped.trim().startsWith("(") ? null : mapped;
    }

    private static String column(EntityPersister persister, String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return null;
        }
        AttributeMapping mapping = persister.findAttributeMapping(attribute);
        return mapping instanceof SelectableMapping selectable ? selectable.getSelectionExpression() : null;
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
