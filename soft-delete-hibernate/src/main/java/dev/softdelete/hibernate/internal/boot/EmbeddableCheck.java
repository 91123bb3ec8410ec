package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.SoftDelete;
import org.hibernate.MappingException;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;

import java.util.List;

/**
 * {@code @SoftDelete} on an {@code @Embeddable}: an embedded value lives in its owner's row (or in a
 * collection table of its owner) and has no row of its own to mark, so Hibernate would bind it and the
 * annotation would do nothing. A bootstrap problem naming where the value is embedded and the fix.
 */
final class EmbeddableCheck {

    private final List<String> problems;

    EmbeddableCheck(List<String> problems) {
        this.problems = problems;
    }

    void check(PersistentClass entity) {
        for (Property property : entity.getProperties()) {
            check(entity.getEntityName() + "#" + property.getName(), property.getValue(), entity.getEntityName());
        }
    }

    void check(Collection collection) {
        check(collection.getRole(), collection.getElement(), collection.getOwnerEntityName());
    }

    private void check(String path, Value value, String owner) {
        if (!(value instanceof Component component)) {
            return;
        }
        Class<?> embeddable = classOf(component);
        if (embeddable != null && embeddable.isAnnotationPresent(SoftDelete.class)) {
            problems.add(path + ": " + embeddable.getName() + " is an @Embeddable, whose values live in the row of "
                    + owner + " and have no row of their own to mark; @SoftDelete marks entities: remove it from "
                    + embeddable.getSimpleName() + " and put it on " + owner + " (or the root of its hierarchy)"
                    + ", or make " + embeddable.getSimpleName() + " an @Entity");
            return;
        }
        for (Property nested : component.getProperties()) {
            check(path + "." + nested.getName(), nested.getValue(), owner);
        }
    }

    /** The embeddable's class, or null for a dynamic (map) component. */
    private static Class<?> classOf(Component component) {
        try {
            return component.getComponentClassName() == null ? null : component.getComponentClass();
        }
        catch (MappingException notAClass) {
            return null;
        }
    }
}
