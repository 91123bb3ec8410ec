package dev.softdelete.test.internal;

import dev.softdelete.SoftDelete;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Reads the id and the marker attributes named by {@code @SoftDelete} from an entity instance:
 * the field first (field access, up the class hierarchy), then a getter.
 */
public final class EntityMarkers {

    private final Object entity;
    private final SoftDelete annotation;

    private EntityMarkers(Object entity, SoftDelete annotation) {
        this.entity = entity;
        this.annotation = annotation;
    }

    /** The markers of an entity, or null if its class hierarchy carries no {@code @SoftDelete}. */
    public static EntityMarkers of(Object entity) {
        SoftDelete annotation = entity.getClass().getAnnotation(SoftDelete.class);
        return annotation == null ? null : new EntityMarkers(entity, annotation);
    }

    public String markerAttribute() {
        return annotation.attribute();
    }

    public String actorAttribute() {
        return annotation.deletedBy().isEmpty() ? null : annotation.deletedBy();
    }

    public String reasonAttribute() {
        return annotation.reason().isEmpty() ? null : annotation.reason();
    }

    public Object marker() {
        return read(entity, annotation.attribute());
    }

    public Object actor() {
        return actorAttribute() == null ? null : read(entity, actorAttribute());
    }

    public Object reason() {
        return reasonAttribute() == null ? null : read(entity, reasonAttribute());
    }

    /** The value of the field annotated {@code @Id} or {@code @EmbeddedId}, else of {@code getId()}, else null. */
    public static Object idOf(Object entity) {
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(jakarta.persistence.Id.class)
                        || field.isAnnotationPresent(jakarta.persistence.EmbeddedId.class)) {
                    return fieldValue(entity, field);
                }
            }
        }
        Method getter = getter(entity.getClass(), "id");
        return getter == null ? null : invoke(entity, getter);
    }

    /** A short name for messages: simple class name and id, e.g. {@code Customer#42}. */
    public static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "#" + idOf(entity);
    }

    private static Object read(Object entity, String attribute) {
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return fieldValue(entity, type.getDeclaredField(attribute));
            }
            catch (NoSuchFieldException e) {
                // declared higher up, or reachable through a getter only
            }
        }
        Method getter = getter(entity.getClass(), attribute);
        if (getter == null) {
            throw new IllegalArgumentException(entity.getClass().getName() + " has neither a field nor a getter for '"
                    + attribute + "', named by its @SoftDelete");
        }
        return invoke(entity, getter);
    }

    private static Method getter(Class<?> type, String attribute) {
        String suffix = attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
        for (String name : new String[] {"get" + suffix, "is" + suffix}) {
            try {
                return type.getMethod(name);
            }
            catch (NoSuchMethodException e) {
                // try the next naming convention
            }
        }
        return null;
    }

    private static Object fieldValue(Object entity, Field field) {
        try {
            field.setAccessible(true);
            return field.get(entity);
        }
        catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + " of " + entity.getClass().getName(), e);
        }
    }

    private static Object invoke(Object entity, Method getter) {
        try {
            return getter.invoke(entity);
        }
        catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call " + getter + " on " + entity.getClass().getName(), e);
        }
    }
}
