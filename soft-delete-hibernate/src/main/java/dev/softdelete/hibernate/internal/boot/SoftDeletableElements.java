package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;

import java.util.List;
import java.util.Map;

/**
 * The collections whose elements are soft-deletable entities, which Hibernate loads without their
 * deleted elements. A list kept in order by a position column ({@code @OrderColumn}, arrays) cannot
 * hold such elements: a deleted element would read as a {@code null} at its position, and writing the
 * list would move other elements onto the position the deleted one still holds.
 */
final class SoftDeletableElements {

    private final InFlightMetadataCollector metadata;
    private final Map<String, SoftDeletableType> roots;

    SoftDeletableElements(InFlightMetadataCollector metadata, Map<String, SoftDeletableType> roots) {
        this.metadata = metadata;
        this.roots = roots;
    }

    /** Whether the collection's elements are entities of a soft-deletable hierarchy. */
    boolean holdsSoftDeletable(Collection collection) {
        PersistentClass element = elementEntity(collection);
        return element != null && roots.containsKey(element.getRootClass().getEntityName());
    }

    /** The entity a one-to-many or many-to-many collection holds; null for other collections. */
    static PersistentClass elementEntity(Collection collection) {
        if (collection.getElement() instanceof OneToMany oneToMany) {
            return oneToMany.getAssociatedClass();
        }
        return collection.getElement() instanceof ManyToOne manyToMany
                ? manyToMany.getMetadata().getEntityBinding(manyToMany.getReferencedEntityName())
                : null;
    }

    /** Adds a problem for each positional list or array of soft-deletable entities. */
    void checkPositions(List<String> problems) {
        for (Collection collection : metadata.getCollectionBindings()) {
            if (collection instanceof org.hibernate.mapping.List && holdsSoftDeletable(collection)) {
                problems.add(attribute(collection) + ": a list with a position column (@OrderColumn, or an"
                        + " array) cannot hold soft-deletable entities: a deleted element would read as null and"
                        + " lose its position when the list is written; remove @OrderColumn (sort with @OrderBy)"
                        + " or map the attribute as a Set or a List without a position");
            }
        }
    }

    /** {@code com.acme.Customer#favorites}, from the role {@code com.acme.Customer.favorites}. */
    private static String attribute(Collection collection) {
        String owner = collection.getOwnerEntityName();
        String role = collection.getRole();
        return role.startsWith(owner + ".") ? owner + "#" + role.substring(owner.length() + 1) : role;
    }
}
