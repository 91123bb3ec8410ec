package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.MappingException;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

import java.beans.Introspector;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link OnSoftDelete} from the entity classes, and reports every place where it cannot mean
 * what it says: on an attribute that is no association to other rows, on an entity that is not
 * soft-deletable, {@code DENY}, {@code DETACH} or {@code KEEP} beside a REMOVE cascade that would
 * delete the rows anyway, {@code CASCADE} to an entity that has no marker, {@code DETACH} of a key
 * that cannot be nulled. Each problem names the attribute and the fix.
 */
final class DeletePolicyReader {

    /** The policy of one association, as declared. */
    record Declared(PersistentClass owner, Property property, DeletePolicy policy, String target) {
    }

    private final InFlightMetadataCollector metadata;
    private final Set<String> softDeletableRoots;
    private final List<String> problems;

    DeletePolicyReader(InFlightMetadataCollector metadata, Set<String> softDeletableRoots, List<String> problems) {
        this.metadata = metadata;
        this.softDeletableRoots = softDeletableRoots;
        this.problems = problems;
    }

    /** The declared policies, by owning entity name and attribute; problems go to the shared list. */
    Map<String, Map<String, Declared>> read() {
        Map<String, Map<String, Declared>> policies = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (AnnotatedElement member : annotatedMembers(entity)) {
                Declared declared = check(entity, member, member.getAnnotation(OnSoftDelete.class).value());
                if (declared != null) {
                    policies.computeIfAbsent(entity.getEntityName(), name -> new HashMap<>())
                            .put(declared.property().getName(), declared);
                }
            }
        }
        return policies;
    }

    private Declared check(PersistentClass entity, AnnotatedElement member, DeletePolicy policy) {
        String name = attributeName(member);
        String where = entity.getEntityName() + "#" + name + ": @OnSoftDelete(" + policy + ")";
        Property property = entity.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
        if (property == null) {
            problems.add(where + " is not on a persistent attribute; put it on the field or getter of the association");
            return null;
        }
        String target = target(property);
        if (target == null) {
            problems.add(where + ": only a @OneToMany, @ManyToMany or inverse @OneToOne (mappedBy) leads to rows a"
                    + " soft delete can cascade to, keep or be denied by; remove the annotation");
            return null;
        }
        if (!softDeletableRoots.contains(entity.getRootClass().getEntityName())) {
            problems.add(where + ": " + entity.getEntityName() + " is not soft-deletable, so there is no soft delete to"
                    + " apply the policy to; annotate its root entity with @dev.softdelete.SoftDelete or remove the annotation");
            return null;
        }
        CascadeStyle style = property.getCascadeStyle();
        boolean removes = style.doCascade(CascadingActions.REMOVE) || style.hasOrphanDelete();
        if (removes && policy != DeletePolicy.CASCADE) {
            problems.add(where + " contradicts the association's REMOVE cascade (CascadeType.REMOVE or ALL, or"
                    + " orphanRemoval), which deletes the rows with their owner; drop the REMOVE cascade, or use"
                    + " @OnSoftDelete(CASCADE)");
            return null;
        }
        if (policy == DeletePolicy.CASCADE && !isSoftDeletable(target)) {
            problems.add(where + ": " + target + " is not soft-deletable, so its rows cannot be soft-deleted with "
                    + entity.getEntityName() + "; annotate " + target + " with @dev.softdelete.SoftDelete, or use DENY or KEEP");
            return null;
        }
        if (policy == DeletePolicy.DETACH) {
            return checkDetach(entity, property, target, where);
        }
        if (policy == DeletePolicy.DENY && property.getValue() instanceof Collection collection
                && (collection.getKey().getColumnSpan() != 1
                    || collection.getElement() instanceof ManyToOne element && element.getColumnSpan() != 1)) {
            problems.add(where + ": the association's keys span several columns, which DENY cannot count set-based;"
                    + " check the rows in application code before remove()");
            return null;
        }
        return new Declared(entity, property, policy, target);
    }

    /**
     * DETACH nulls a foreign key the associated entity maps: a {@code mappedBy} association to it,
     * over one nullable column.
     */
    private Declared checkDetach(PersistentClass entity, Property property, String target, String where) {
        Column key = detachedKey(property);
        if (key == null) {
            problems.add(where + ": DETACH nulls the foreign key that " + target + " maps, so the association needs"
                    + " mappedBy and a key of one column; map it bidirectionally, or use KEEP");
            return null;
        }
        if (!key.isNullable()) {
            problems.add(where + ": the foreign key " + key.getName() + " of " + target + " is NOT NULL, so its rows"
                    + " cannot be detached; make it nullable (@ManyToOne(optional = true), @JoinColumn(nullable = true)),"
                    + " or use DENY or KEEP");
            return null;
        }
        return new Declared(entity, property, DeletePolicy.DETACH, target);
    }

    /** The single foreign-key column a DETACH association nulls, or null when it has no such key. */
    Column detachedKey(Property property) {
        Property inverse = inverseProperty(property);
        Value key = inverse == null ? null : inverse.getValue();
        return key != null && key.getColumnSpan() == 1 && key.getSelectables().get(0) instanceof Column column
                ? column : null;
    }

    /** The associated entity's attribute that maps the foreign key ({@code mappedBy}), or null. */
    Property inverseProperty(Property property) {
        String target;
        String mappedBy;
        if (property.getValue() instanceof Collection collection && collection.isInverse()
                && collection.getElement() instanceof OneToMany oneToMany) {
            target = oneToMany.getReferencedEntityName();
            mappedBy = collection.getMappedByProperty();
        }
        else if (property.getValue() instanceof OneToOne oneToOne && oneToOne.getMappedByProperty() != null) {
            target = oneToOne.getReferencedEntityName();
            mappedBy = oneToOne.getMappedByProperty();
        }
        else {
            return null;
        }
        PersistentClass entity = metadata.getEntityBinding(target);
        if (entity == null || mappedBy == null) {
            return null;
        }
        try {
            Property inverse = entity.getRecursiveProperty(mappedBy);
            return inverse.getValue() instanceof ToOne ? inverse : null;
        }
        catch (MappingException notThere) {
            return null;
        }
    }

    private boolean isSoftDeletable(String entityName) {
        PersistentClass entity = metadata.getEntityBinding(entityName);
        return entity != null && softDeletableRoots.contains(entity.getRootClass().getEntityName());
    }

    /** The entity the association leads to, or null for anything that is not such an association. */
    private static String target(Property property) {
        if (property.getValue() instanceof Collection collection) {
            if (collection.getElement() instanceof OneToMany oneToMany) {
                return oneToMany.getReferencedEntityName();
            }
            return collection.getElement() instanceof ManyToOne manyToMany ? manyToMany.getReferencedEntityName() : null;
        }
        return property.getValue() instanceof OneToOne oneToOne && oneToOne.getMappedByProperty() != null
                ? oneToOne.getReferencedEntityName() : null;
    }

    /**
     * The annotated fields and methods of the entity's class and of its mapped superclasses: up to, not
     * including, the class of the next entity up, whose own binding reads its members.
     */
    private List<AnnotatedElement> annotatedMembers(PersistentClass entity) {
        List<AnnotatedElement> members = new ArrayList<>();
        Class<?> stop = entity.getSuperclass() == null ? Object.class : entity.getSuperclass().getMappedClass();
        for (Class<?> type = entity.getMappedClass(); type != null && type != Object.class && type != stop;
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(OnSoftDelete.class)) {
                    members.add(field);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(OnSoftDelete.class)) {
                    members.add(method);
                }
            }
        }
        return members;
    }

    private static String attributeName(AnnotatedElement member) {
        if (member instanceof Field field) {
            return field.getName();
        }
        String method = ((Method) member).getName();
        for (String prefix : new String[] {"get", "is"}) {
            if (method.startsWith(prefix) && method.length() > prefix.length()) {
                return Introspector.decapitalize(method.substring(prefix.length()));
            }
        }
        return method;
    }
}
