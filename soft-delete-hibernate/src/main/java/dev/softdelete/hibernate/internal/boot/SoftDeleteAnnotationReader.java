package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.RetentionPolicy;
import dev.softdelete.SoftDelete;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import org.hibernate.MappingException;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks {@code @SoftDelete} on the entity bindings, adding one line to the problem list
 * for each mistake so that a single bootstrap reports all of them.
 */
final class SoftDeleteAnnotationReader {

    private static final Set<Class<?>> MARKER_TYPES =
            Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class);

    private final List<String> problems;

    SoftDeleteAnnotationReader(List<String> problems) {
        this.problems = problems;
    }

    static SoftDelete annotationOf(PersistentClass entity) {
        Class<?> javaClass = entity.getMappedClass();
        return javaClass == null ? null : javaClass.getAnnotation(SoftDelete.class);
    }

    /** Problems of a subclass: the annotation belongs on the root of the hierarchy. */
    void checkSubclass(PersistentClass subclass) {
        SoftDelete own = annotationOf(subclass);
        SoftDelete root = annotationOf(subclass.getRootClass());
        if (own != null && !own.equals(root)) {
            problems.add(subclass.getEntityName() + ": @SoftDelete must be declared once, on the root of the"
                    + " hierarchy (" + subclass.getRootClass().getEntityName() + "); move it there or to a"
                    + " @MappedSuperclass the root extends");
        }
    }

    /** Reads a root entity; returns null if it is not soft-deletable or has problems. */
    SoftDeletableType read(RootClass root, Object configuredTranslator) {
        SoftDelete annotation = annotationOf(root);
        if (annotation == null) {
            return null;
        }
        int before = problems.size();
        String entity = root.getEntityName();
        if (root.getMappedClass().isAnnotationPresent(org.hibernate.annotations.SoftDelete.class)) {
            problems.add(entity + ": carries both dev.softdelete.SoftDelete and org.hibernate.annotations.SoftDelete;"
                    + " remove the Hibernate one");
        }
        else if (root.getStateManagementType() != null) {
            problems.add(entity + ": already uses Hibernate state management ("
                    + root.getStateManagementType().getSimpleName() + ", from @Temporal or @Audited), which"
                    + " cannot be combined with dev.softdelete.SoftDelete; remove one of them");
        }
        if (configuredTranslator != null) {
            problems.add(entity + ": hibernate.query.sqm.translator is set (" + configuredTranslator + "), but"
                    + " softdelete installs its own to turn bulk deletes into updates; remove that setting or set"
                    + " softdelete.enabled=false");
        }
        checkMarker(root, annotation.attribute());
        String actor = optionalStringAttribute(root, annotation.deletedBy(), "deletedBy", "actor");
        String reason = optionalStringAttribute(root, annotation.reason(), "reason", "reason");
        RetentionPolicy retention = retention(entity, annotation.retain());
        return problems.size() == before
                ? new SoftDeletableType(entity, annotation.attribute(), actor, reason, retention, null)
                : null;
    }

    private void checkMarker(RootClass root, String attribute) {
        String where = root.getEntityName() + "#" + attribute;
        Property property = findProperty(root, attribute);
        if (property == null) {
            problems.add(where + ": no such attribute; add a java.time.Instant attribute named '" + attribute
                    + "' or name an existing one with @SoftDelete(attribute = \"...\")");
            return;
        }
        Class<?> type = basicTypeOf(property);
        if (type == null || !MARKER_TYPES.contains(type)) {
            problems.add(where + ": type " + (type == null ? "(not a basic value)" : type.getSimpleName())
                    + " is not supported; use Instant, OffsetDateTime, ZonedDateTime or LocalDateTime");
            return;
        }
        for (Selectable selectable : property.getValue().getSelectables()) {
            if (selectable instanceof Column column && !column.isNullable()) {
                problems.add(where + ": column " + column.getName() + " is NOT NULL, but null marks a live row;"
                        + " make it nullable");
            }
        }
    }

    private String optionalStringAttribute(RootClass root, String attribute, String annotationMember, String role) {
        if (attribute.isEmpty()) {
            return null;
        }
        String where = root.getEntityName() + "#" + attribute;
        Property property = findProperty(root, attribute);
        if (property == null) {
            problems.add(where + ": no such attribute for @SoftDelete(" + annotationMember + "); add a String"
                    + " attribute named '" + attribute + "' or remove " + annotationMember + " from @SoftDelete");
            return null;
        }
        Class<?> type = basicTypeOf(property);
        if (type != String.class) {
            problems.add(where + ": type " + (type == null ? "(not a basic value)" : type.getSimpleName())
                    + " is not supported for the " + role + "; make it a String");
            return null;
        }
        return attribute;
    }

    private RetentionPolicy retention(String entity, String retain) {
        // only the annotation's default means "the configured default"; blanks are a typo, refused below
        if (retain.isEmpty()) {
            return null;
        }
        try {
            return RetentionPolicy.parse(retain);
        }
        catch (IllegalArgumentException e) {
            problems.add(entity + ": @SoftDelete(retain = \"" + retain + "\") is invalid: " + e.getMessage());
            return null;
        }
    }

    private static Property findProperty(RootClass root, String name) {
        try {
            return root.getProperty(name);
        }
        catch (MappingException notFound) {
            return null;
        }
    }

    private static Class<?> basicTypeOf(Property property) {
        return property.getValue() instanceof BasicValue basic ? basic.getType().getReturnedClass() : null;
    }
}
