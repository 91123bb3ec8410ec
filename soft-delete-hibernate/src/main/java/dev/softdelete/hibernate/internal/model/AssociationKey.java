package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The foreign key of an association that leads from an owner to other rows (a collection of
 * entities, or a to-one), and the entity it leads to.
 *
 * @param key           the foreign key between the two tables
 * @param target        the entity the association leads to
 * @param ownerHoldsKey whether the owner's table holds the key (an owning to-one)
 */
record AssociationKey(ForeignKeyDescriptor key, EntityPersister target, boolean ownerHoldsKey) {

    /** The key of the owner's attribute, or null when the attribute leads to no entity. */
    static AssociationKey of(EntityPersister owner, String attributeName) {
        AttributeMapping attribute = owner.findAttributeMapping(attributeName);
        if (attribute instanceof PluralAttributeMapping plural
                && plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
            return new AssociationKey(plural.getKeyDescriptor(), element.getEntityMappingType().getEntityPersister(), false);
        }
        ToOneAssociation toOne = ToOneAssociation.of(attribute);
        return toOne == null ? null
                : new AssociationKey(toOne.foreignKey(), toOne.target().getEntityPersister(), toOne.ownerHoldsKey());
    }

    /** The single column of the key on the side that holds it, or null when it has several. */
    String keyColumn() {
        String[] column = new String[1];
        int[] count = {0};
        key.getKeyPart().forEachSelectable((index, selectable) -> {
            column[0] = selectable.getSelectionExpression();
            count[0]++;
        });
        return count[0] == 1 ? column[0] : null;
    }
}
