package dev.softdelete.hibernate.internal.state;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
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

    private MarkerColumns(String table, BasicValuedModelPart marker, BasicValuedModelPart actor,
            BasicValuedModelPart reason) {
        this.table = table;
        this.marker = marker;
        this.actor = actor;
        this.reason = reason;
    }

    public static MarkerColumns of(EntityMappingType entity, SoftDeletableType type) {
        BasicValuedModelPart marker = basic(entity, type.markerAttribute());
        return new MarkerColumns(markerTable(entity, marker), marker,
                basic(entity, type.deletedByAttribute()),
                basic(entity, type.reasonAttribute()));
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

    /** The id column of an entity with a single-column id; null when the id has several columns. */
    public static String idColumn(EntityMappingType entity) {
        java.util.List<String> columns = new java.util.ArrayList<>();
        entity.getIdentifierMapping().forEachSelectable((index, selectable) -> columns.add(selectable.getSelectionExpression()));
        return columns.size() == 1 ? columns.get(0) : null;
    }

    /** {@code id = ?}, or {@code a = ? and b = ?} for a composite id, in the id's JDBC order. */
    public static String idRestriction(EntityMappingType entity) {
        java.util.StringJoiner where = new java.util.StringJoiner(" and ");
        entity.getIdentifierMapping().forEachSelectable((index, selectable) ->
                where.add(selectable.getSelectionExpression() + " = ?"));
        return where.toString();
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

    public BasicValuedModelPart marker() {
        return marker;
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
