package dev.softdelete.hibernate.internal.model;

import org.hibernate.boot.model.relational.QualifiedTableName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the mapping of one SessionFactory says about soft delete, fixed once its metadata is complete:
 * the soft-deletable type of every entity of a soft-deletable hierarchy, the REMOVE-cascading
 * attributes each entity declares, the associations that deny a delete ({@code @OnSoftDelete(DENY)}),
 * the entities whose cascade must stay Hibernate's own, and the live-row unique keys. Cascade plans, the restore's parent locks and the purge order all derive from
 * it. Immutable: a factory's model never changes after the factory is built, and a model is never
 * shared between factories built from different metadata.
 */
public final class SoftDeleteModel {

    /** The model of a factory without soft-deletable entities (or with softdelete turned off). */
    public static final SoftDeleteModel EMPTY = new Builder(true).build();

    private final Map<String, SoftDeletableType> typesByEntityName;
    private final Map<String, List<String>> cascadeAttributes;
    private final Set<String> hibernateCascades;
    private final Map<String, List<String>> denyAttributes;
    private final Map<String, Map<String, DetachColumn>> detachAttributes;
    private final LiveUniqueKeys uniqueKeys;
    private final QualifiedTableName historyTable;

    private SoftDeleteModel(Builder builder) {
        this.typesByEntityName = Map.copyOf(builder.types);
        this.cascadeAttributes = Map.copyOf(builder.cascades);
        this.hibernateCascades = Set.copyOf(builder.hibernateCascades);
        this.denyAttributes = Map.copyOf(builder.denies);
        this.detachAttributes = Map.copyOf(builder.detaches);
        this.uniqueKeys = builder.uniqueKeys.build();
        this.historyTable = builder.historyTable;
    }

    /** The history table's name as mapped (without the default schema or catalog), or null without one. */
    public QualifiedTableName historyTable() {
        return historyTable;
    }

    /** The soft-delete description of an entity (or any entity of its hierarchy), or null. */
    public SoftDeletableType typeOf(String entityName) {
        return entityName == null ? null : typesByEntityName.get(entityName);
    }

    public boolean hasSoftDeletableTypes() {
        return !typesByEntityName.isEmpty();
    }

    /** The REMOVE-cascading attributes an entity declares itself (not those it inherits). */
    public List<String> cascadeAttributes(String entityName) {
        return cascadeAttributes.getOrDefault(entityName, List.of());
    }

    /** The entities that declare REMOVE-cascading attributes. */
    public Collection<String> cascadeOwners() {
        return cascadeAttributes.keySet();
    }

    /** The {@code @OnSoftDelete(DENY)} attributes an entity declares itself (not those it inherits). */
    public List<String> denyAttributes(String entityName) {
        return denyAttributes.getOrDefault(entityName, List.of());
    }

    /** The entities that declare {@code @OnSoftDelete(DENY)} attributes. */
    public Collection<String> denyOwners() {
        return denyAttributes.keySet();
    }

    /**
     * The {@code @OnSoftDelete(DETACH)} attributes an entity declares itself, with the column that
     * keeps the nulled key.
     */
    public Map<String, DetachColumn> detachAttributes(String entityName) {
        return detachAttributes.getOrDefault(entityName, Map.of());
    }

    /** Whether any entity declares an {@code @OnSoftDelete(DETACH)} attribute. */
    public boolean hasDetachPolicies() {
        return !detachAttributes.isEmpty();
    }

    /**
     * Where a {@code DETACH} association keeps the key it nulled.
     *
     * @param table         the table of the foreign key (the associated entity's)
     * @param keyAttribute  the associated entity's attribute mapping the key ({@code mappedBy})
     * @param savedColumn   the column keeping the key, as SQL (quoted where the key is)
     */
    public record DetachColumn(String table, String keyAttribute, String savedColumn) {
    }

    /** Whether any entity declares an {@code @OnSoftDelete(DENY)} attribute. */
    public boolean hasDenyPolicies() {
        return !denyAttributes.isEmpty();
    }

    /** Whether an entity's REMOVE cascade reaches a hard entity that Hibernate must hard-delete. */
    public boolean needsHibernateCascade(String entityName) {
        return hibernateCascades.contains(entityName);
    }

    /** The {@code softdelete.unique} setting and the live-row unique keys. */
    public LiveUniqueKeys uniqueKeys() {
        return uniqueKeys;
    }

    /** Collects a model while a metadata build runs; used by bootstrap only. */
    public static final class Builder {

        private final Map<String, SoftDeletableType> types = new HashMap<>();
        private final Map<String, List<String>> cascades = new HashMap<>();
        private final Set<String> hibernateCascades = new HashSet<>();
        private final Map<String, List<String>> denies = new HashMap<>();
        private final Map<String, Map<String, DetachColumn>> detaches = new HashMap<>();
        private final LiveUniqueKeys.Builder uniqueKeys;
        private QualifiedTableName historyTable;

        public Builder(boolean liveRowUniqueKeys) {
            this.uniqueKeys = new LiveUniqueKeys.Builder(liveRowUniqueKeys);
        }

        public void type(String entityName, SoftDeletableType type) {
            types.put(entityName, type);
        }

        public void cascades(String entityName, List<String> attributes) {
            cascades.put(entityName, new ArrayList<>(attributes));
        }

        public void deny(String entityName, String attribute) {
            denies.computeIfAbsent(entityName, name -> new ArrayList<>()).add(attribute);
        }

        public void detach(String entityName, String attribute, String table, String keyAttribute, String savedColumn) {
            detaches.computeIfAbsent(entityName, name -> new HashMap<>())
                    .put(attribute, new DetachColumn(table, keyAttribute, savedColumn));
        }

        /** Whether a DETACH association already keeps its key in that column of that table. */
        public boolean hasDetachColumn(String table, String savedColumn) {
            return detaches.values().stream().flatMap(columns -> columns.values().stream())
                    .anyMatch(column -> column.table().equals(table) && column.savedColumn().equals(savedColumn));
        }

        public void hibernateCascade(String entityName) {
            hibernateCascades.add(entityName);
        }

        public void historyTable(QualifiedTableName qualifiedName) {
            this.historyTable = qualifiedName;
        }

        public LiveUniqueKeys.Builder uniqueKeys() {
            return uniqueKeys;
        }

        public SoftDeleteModel build() {
            cascades.replaceAll((entity, attributes) -> List.copyOf(attributes));
            denies.replaceAll((entity, attributes) -> List.copyOf(attributes));
            detaches.replaceAll((entity, attributes) -> Map.copyOf(attributes));
            return new SoftDeleteModel(this);
        }
    }
}
