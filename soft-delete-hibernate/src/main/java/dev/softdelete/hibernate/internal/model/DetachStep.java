package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.model.SoftDeleteModel.DetachColumn;
import org.hibernate.persister.entity.EntityPersister;

/**
 * One {@code @OnSoftDelete(DETACH)} association as SQL: the foreign key a delete of the owner nulls,
 * and the column that keeps its old value for the restore.
 *
 * @param owner        the entity declaring the association
 * @param attribute    the association attribute
 * @param child        the entity whose rows are detached
 * @param table        the table holding the foreign key
 * @param keyColumn    the foreign key column
 * @param savedColumn  the column keeping the nulled key
 * @param childId      the id column of {@code table}
 * @param keyAttribute the child's attribute mapping the key ({@code mappedBy})
 */
public record DetachStep(EntityPersister owner, String attribute, EntityPersister child, String table,
        String keyColumn, String savedColumn, String childId, String keyAttribute) {

    static DetachStep resolve(EntityPersister owner, String attributeName, DetachColumn column) {
        AssociationKey association = AssociationKey.of(owner, attributeName);
        if (association == null || association.ownerHoldsKey() || association.keyColumn() == null) {
            throw new IllegalStateException("softdelete: " + owner.getEntityName() + "#" + attributeName
                    + " has no single-column foreign key in the associated table; @OnSoftDelete(DETACH) cannot apply");
        }
        String table = association.key().getKeyTable();
        EntityPersister child = association.target();
        return new DetachStep(owner, attributeName, child, table, association.keyColumn(), column.savedColumn(),
                MarkerColumns.idColumnIn(child, table), column.keyAttribute());
    }

    /** The attribute as users name it: {@code Customer.leads}. */
    public String path() {
        return owner.getEntityName() + "." + attribute;
    }
}
