package dev.softdelete.hibernate.internal.compat;

import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;

/**
 * A to-one attribute of the runtime mapping model. Why internal: {@code ToOneAttributeMapping} is the
 * only type that tells a to-one attribute (many-to-one, one-to-one) apart from the other entity-valued
 * parts, such as a collection's element; the public interfaces it implements are shared with them.
 *
 * @param target     the entity the attribute refers to
 * @param foreignKey the foreign key between the two tables
 * @param ownerHoldsKey whether the attribute's own table holds the key column (the many-to-one side),
 *                   rather than the target's (the inverse one-to-one side)
 */
public record ToOneAssociation(EntityMappingType target, ForeignKeyDescriptor foreignKey, boolean ownerHoldsKey) {

    /** The to-one attribute a model part is, or null when it is something else. */
    public static ToOneAssociation of(ModelPart part) {
        if (part instanceof ToOneAttributeMapping toOne) {
            return new ToOneAssociation(toOne.getAssociatedEntityMappingType(), toOne.getForeignKeyDescriptor(),
                    toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY);
        }
        return null;
    }

    /** Whether a model part is a to-one attribute whose own table holds the foreign key. */
    public static boolean isKeySide(ModelPart part) {
        return part instanceof ToOneAttributeMapping toOne && toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
    }
}
