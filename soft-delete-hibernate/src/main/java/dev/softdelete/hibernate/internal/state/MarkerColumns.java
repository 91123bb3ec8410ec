package dev.softdelete.hibernate.internal.state;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;

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

    private final BasicValuedModelPart marker;
    private final BasicValuedModelPart actor;
    private final BasicValuedModelPart reason;

    private MarkerColumns(BasicValuedModelPart marker, BasicValuedModelPart actor, BasicValuedModelPart reason) {
        this.marker = marker;
        this.actor = actor;
        this.reason = reason;
    }

    public static MarkerColumns of(EntityMappingType entity, SoftDeletableType type) {
        return new MarkerColumns(
                basic(entity, type.markerAttribute()),
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

    public String table() {
        return marker.getContainingTableExpression();
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
