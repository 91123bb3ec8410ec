package dev.softdelete.hibernate.internal.model;

import dev.softdelete.RetentionPolicy;

/**
 * What {@code @SoftDelete} says about one entity hierarchy, as validated at bootstrap.
 *
 * @param rootEntityName     the hierarchy root's entity name
 * @param markerAttribute    the attribute holding the deletion instant
 * @param deletedByAttribute the attribute holding the actor, or {@code null}
 * @param reasonAttribute    the attribute holding the reason, or {@code null}
 * @param retention          the entity's own retention, or {@code null} for the configured default
 * @param operationColumn    the column holding the id of the delete operation that marked a row (rendered
 *                           for the dialect), or {@code null} until bootstrap has added it
 */
public record SoftDeletableType(
        String rootEntityName,
        String markerAttribute,
        String deletedByAttribute,
        String reasonAttribute,
        RetentionPolicy retention,
        String operationColumn) {

    /** This type, with the operation column bootstrap added to its table. */
    public SoftDeletableType withOperationColumn(String column) {
        return new SoftDeletableType(rootEntityName, markerAttribute, deletedByAttribute, reasonAttribute, retention,
                column);
    }
}
