package dev.softdelete.hibernate.internal.model;

import org.hibernate.persister.entity.EntityPersister;

/**
 * One {@code @OnSoftDelete(DENY)} association as SQL: how to count the live rows it leads to from a
 * set of owners. A soft-deletable target counts its rows whose marker is null; any other counts every
 * row (or link) that references an owner.
 *
 * @param owner     the entity declaring the association
 * @param attribute the association attribute
 * @param target    the entity the association leads to
 * @param table     the table counted
 * @param ownersOf  the condition on {@code table} selecting the rows of the owners, with {@code %s}
 *                  where the owners' ids go
 * @param live      {@code " and <marker> is null"} for a soft-deletable target, else empty
 */
public record DenyStep(EntityPersister owner, String attribute, String target, String table, String ownersOf,
        String live) {

    static DenyStep resolve(EntityPersister owner, String attributeName, SoftDeleteModel model) {
        AssociationKey association = AssociationKey.of(owner, attributeName);
        if (association == null || association.ownerHoldsKey()) {
            throw unresolvable(owner, attributeName);
        }
        String target = association.target().getEntityName();
        if (model.typeOf(target) != null) {
            CascadeStep marked = CascadeStep.resolve(owner, attributeName, model);
            if (marked == null) {
                throw unresolvable(owner, attributeName);
            }
            return new DenyStep(owner, attributeName, target, marked.childColumns().table(), marked.childrenOf("%s"),
                    " and " + marked.childColumns().marker().getSelectionExpression() + " is null");
        }
        // a plain target: every row (for a many-to-many, every link) referencing an owner counts
        String column = association.keyColumn();
        if (column == null) {
            throw unresolvable(owner, attributeName);
        }
        return new DenyStep(owner, attributeName, target, association.key().getKeyTable(), column + " in (%s)", "");
    }

    /** Selects the number of live rows the association leads to from the owners {@code ownerIds} selects. */
    public String count(String ownerIds) {
        return "select count(*) from " + table + " where " + ownersOf.replace("%s", ownerIds) + live;
    }

    /** The attribute as users name it: {@code Customer.orders}. */
    public String path() {
        return owner.getEntityName() + "." + attribute;
    }

    private static IllegalStateException unresolvable(EntityPersister owner, String attribute) {
        return new IllegalStateException("softdelete: @OnSoftDelete(DENY) on " + owner.getEntityName() + "#" + attribute
                + " cannot be counted in SQL (a key of several columns); check the rows before remove()");
    }
}
