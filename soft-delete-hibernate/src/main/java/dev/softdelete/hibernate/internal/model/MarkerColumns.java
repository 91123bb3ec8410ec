package dev.softdelete.hibernate.internal.model;

import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.TableDetails;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The runtime mappings of the marker, actor and reason attributes of one entity type, and the table
 * that holds them (the root table, or the concrete table of a TABLE_PER_CLASS subclass).
 */
public final class MarkerColumns {

    private final String table;
    private final BasicValuedModelPart marker;
    private final BasicValuedModelPart actor;
    private final BasicValuedModelPart reason;
    private final String operation;
    private final JdbcMapping operationType;

    private MarkerColumns(String table, BasicValuedModelPart marker, BasicValuedModelPart actor,
            BasicValuedModelPart reason, String operation, JdbcMapping operationType) {
        this.table = table;
        this.marker = marker;
        this.actor = actor;
        this.reason = reason;
        this.operation = operation;
        this.operationType = operationType;
    }

    public static MarkerColumns of(EntityMappingType entity, SoftDeletableType type) {
        BasicValuedModelPart marker = basic(entity, type.markerAttribute());
        JdbcMapping operationType = entity.getEntityPersister().getFactory().getTypeConfiguration()
                .getBasicTypeForJavaType(Long.class);
        return new MarkerColumns(markerTable(entity, marker), marker,
                basic(entity, type.deletedByAttribute()),
                basic(entity, type.reasonAttribute()), type.operationColumn(), operationType);
    }

    private static BasicValuedModelPart basic(EntityMappingType entity, String attributeName) {
        if (attributeName == null) {
            return null;
        }
        AttributeMapping attribute = entity.findAttributeMapping(attributeName);
        if (attribute instanceof BasicValuedModelPart basic) {
            return basic;
        }
        // bootstrap validation guarantees a basic attribute; reaching this is a bug of ours
        throw new IllegalStateException("softdelete: " + entity.getEntityName() + "#" + attributeName
                + " is not a basic attribute");
    }

    /**
     * The id column of the table holding the marker (the root table, or a TABLE_PER_CLASS subclass's
     * own table); null when the id has several columns. A JOINED subclass's own id mapping names its
     * table's key column, which may have another name ({@code @PrimaryKeyJoinColumn}).
     */
    public static String idColumn(EntityMappingType entity) {
        TableDetails.KeyDetails key = entity.getIdentifierTableDetails().getKeyDetails();
        return key.getColumnCount() == 1 ? key.getKeyColumn(0).getColumnName() : null;
    }

    /** {@code id = ?}, or {@code a = ? and b = ?} for a composite id, on the marker's table, in the id's JDBC order. */
    public static String idRestriction(EntityMappingType entity) {
        java.util.StringJoiner where = new java.util.StringJoiner(" and ");
        entity.getIdentifierTableDetails().getKeyDetails()
                .forEachKeyColumn((position, column) -> where.add(column.getColumnName() + " = ?"));
        return where.toString();
    }

    /**
     * The single id column of one of the entity's tables (in a JOINED hierarchy each table has its own
     * key column); the marker table's when the table is not one of the entity's.
     */
    public static String idColumnIn(EntityPersister entity, String table) {
        String[] key = keyColumnsIn(entity, table);
        if (key == null) {
            return idColumn(entity);
        }
        return key.length == 1 ? key[0] : null;
    }

    /** The key columns of one of the entity's tables (primary or secondary), or null when it is not one of them. */
    @SuppressWarnings("deprecation") // getTableName(int): 7.4 has no other way to pair a table with its key columns
    public static String[] keyColumnsIn(EntityPersister entity, String table) {
        for (int j = 0; j < entity.getTableSpan(); j++) {
            if (entity.getTableName(j).equals(table)) {
                return entity.getKeyColumns(j);
            }
        }
        return null;
    }

    /**
     * The table holding the marker of rows of this type. A TABLE_PER_CLASS subclass has its own copy
     * of every column, but reuses the root's attribute mappings, which name the root's table.
     */
    private static String markerTable(EntityMappingType entity, BasicValuedModelPart marker) {
        return entity.getEntityPersister() instanceof UnionSubclassEntityPersister union
                ? union.getMappedTableDetails().getTableName()
                : marker.getContainingTableExpression();
    }

    public String table() {
        return table;
    }

    /** {@code marker = null, operation = null[, actor = null][, reason = null]}: the SET clause of a restore. */
    public String cleared() {
        StringBuilder set = new StringBuilder(marker.getSelectionExpression()).append(" = null, ")
                .append(operation).append(" = null");
        if (actor != null) {
            set.append(", ").append(actor.getSelectionExpression()).append(" = null");
        }
        if (reason != null) {
            set.append(", ").append(reason.getSelectionExpression()).append(" = null");
        }
        return set.toString();
    }

    public BasicValuedModelPart marker() {
        return marker;
    }

    /** The column holding the id of the delete operation that marked the row; no attribute maps it. */
    public String operation() {
        return operation;
    }

    /** How the operation id binds and reads: a {@code long}. */
    public JdbcMapping operationType() {
        return operationType;
    }

    /** The actor attribute, or null when not recorded. */
    public BasicValuedModelPart actor() {
        return actor;
    }

    /** The reason attribute, or null when not recorded. */
    public BasicValuedModelPart reason() {
        return reason;
    }

    /** A marker value, of any supported type, as an instant (a local date-time is read as UTC). */
    public static Instant toInstant(Object markerValue) {
        if (markerValue instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (markerValue instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (markerValue instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) markerValue;
    }

    /** The instant in the Java type of the marker attribute (a local date-time is read as UTC). */
    public Object markerValue(Instant instant) {
        Class<?> javaType = marker.getJavaType().getJavaTypeClass();
        if (javaType == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (javaType == ZonedDateTime.class) {
            return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (javaType == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return instant;
    }
}
