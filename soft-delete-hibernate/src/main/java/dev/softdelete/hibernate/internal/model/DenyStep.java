package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;

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
        AttributeMapping attribute = owner.findAttributeMapping(attributeName);
        ForeignKeyDescriptor key;
        String target;
        if (attribute instanceof PluralAttributeMapping plural
                && plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
            key = plural.getKeyDescriptor();
            target = element.getEntityMappingType().getEntityName();
        }
        else {
            ToOneAssociation toOne = ToOneAssociation.of(attribute);
            if (toOne == null || toOne.ownerHoldsKey()) {
                throw unresolvable(owner, attributeName);
            }
            key = toOne.foreignKey();
            target = toOne.target().getEntityName();
        }
        if (model.typeOf(target) != null) {
            CascadeStep marked = CascadeStep.resolve(owner, attributeName, model);
            if (marked == null) {
                throw unresolvable(owner, attributeName);
            }
            return new DenyStep(owner, attributeName, target, marked.childColumns().table(), marked.childrenOf("%s"),
                    " and " + marked.childColumns().marker().getSelectionExpression() + " is null");
        }
        // a plain target: every row (for a many-to-many, every link) referencing an owner counts
        String column = single(key);
        if (column == null) {
            throw unresolvable(owner, attributeName);
        }
        return new DenyStep(owner, attributeName, target, key.getKeyTable(), column + " in (%s)", "");
    }

    /** Selects the number of live rows the association leads to from the owners {@code ownerIds} selects. */
    public String count(String ownerIds) {
        return "select count(*) from " + table + " where " + ownersOf.replace("%s", ownerIds) + live;
    }

    /** The attribute as users name it: {@code Customer.orders}. */
    public String path() {
        return owner.getEntityName() + "." + attribute;
    }

    private static String single(ForeignKeyDescriptor key) {
        List<SelectableMapping> columns = new ArrayList<>();
        key.getKeyPart().forEachSelectable((index, selectable) -> columns.add(selectable));
        return columns.size() == 1 ? columns.get(0).getSelectionExpression() : null;
    }

    private static IllegalStateException unresolvable(EntityPersister owner, String attribute) {
        return new IllegalStateException("softdelete: @OnSoftDelete(DENY) on " + owner.getEntityName() + "#" + attribute
                + " cannot be counted in SQL (a key of several columns); check the rows before remove()");
    }
}
