package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import java.util.ArrayList;
import java.util.List;

/**
 * One association of a cascade plan, as SQL: which table links a parent to its children, and through
 * which columns. {@code childIds(parents)} selects the ids of the children of a set of parents, so
 * one statement covers every parent of a level.
 *
 * @param owner        the entity declaring the association
 * @param attribute    the association attribute
 * @param child        the entity the association leads to
 * @param childColumns the marker, actor and reason of the child
 * @param childId      the child's id column in the table holding its marker
 * @param linkTable    the table holding the link (the child's table, the owner's, or a join table)
 * @param parentColumn the link table's column holding the parent id
 * @param childColumn  the link table's column holding the child id
 * @param childType    a condition on the child's marker table keeping rows of the child's type only, or
 *                     null: needed when the association targets a subclass and the foreign key sits
 *                     in a table its siblings share
 */
public record CascadeStep(EntityPersister owner, String attribute, EntityPersister child, MarkerColumns childColumns,
        String childId, String linkTable, String parentColumn, String childColumn, String childType) {

    /** The step of one attribute, or null when its keys are not single columns referencing ids. */
    static CascadeStep resolve(EntityPersister owner, String attributeName, SoftDeleteModel model) {
        AttributeMapping attribute = owner.findAttributeMapping(attributeName);
        if (attribute instanceof PluralAttributeMapping plural
                && plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
            EntityPersister child = element.getEntityMappingType().getEntityPersister();
            ForeignKeyDescriptor ownerKey = plural.getKeyDescriptor();
            if (!referencesId(ownerKey.getTargetPart(), owner)) {
                return null;
            }
            if (plural.getSeparateCollectionTable() == null) {
                // one-to-many: the child's table holds the owner's id
                return create(owner, attributeName, child, model, ownerKey.getKeyTable(),
                        single(ownerKey.getKeyPart()), MarkerColumns.idColumnIn(child, ownerKey.getKeyTable()));
            }
            // many-to-many: the join table holds both ids
            if (!(element instanceof Association manyToMany)) {
                return null;
            }
            ForeignKeyDescriptor elementKey = manyToMany.getForeignKeyDescriptor();
            return referencesId(elementKey.getTargetPart(), child)
                    ? create(owner, attributeName, child, model, plural.getSeparateCollectionTable(),
                            single(ownerKey.getKeyPart()), single(elementKey.getKeyPart()))
                    : null;
        }
        ToOneAssociation toOne = ToOneAssociation.of(attribute);
        if (toOne != null) {
            EntityPersister child = toOne.target().getEntityPersister();
            ForeignKeyDescriptor key = toOne.foreignKey();
            if (toOne.ownerHoldsKey()) {
                // the owner's table holds the child's id
                return referencesId(key.getTargetPart(), child)
                        ? create(owner, attributeName, child, model, key.getKeyTable(),
                                MarkerColumns.idColumnIn(owner, key.getKeyTable()), single(key.getKeyPart()))
                        : null;
            }
            // mappedBy: the child's table holds the owner's id
            return referencesId(key.getTargetPart(), owner)
                    ? create(owner, attributeName, child, model, key.getKeyTable(), single(key.getKeyPart()),
                            MarkerColumns.idColumnIn(child, key.getKeyTable()))
                    : null;
        }
        return null;
    }

    private static CascadeStep create(EntityPersister owner, String attribute, EntityPersister child,
            SoftDeleteModel model, String linkTable, String parentColumn, String childColumn) {
        if (parentColumn == null || childColumn == null) {
            return null;
        }
        MarkerColumns childColumns = MarkerColumns.of(child, model.typeOf(child.getEntityName()));
        String childId = MarkerColumns.idColumn(child);
        boolean sharedTable = linkTable.equals(childColumns.table()) && childColumn.equals(childId);
        String childType = null;
        if (sharedTable && child.getSuperMappingType() != null && !(child instanceof UnionSubclassEntityPersister)) {
            childType = ChildTypes.restriction(child, childId);
            if (childType == null) {
                return null;
            }
        }
        return new CascadeStep(owner, attribute, child, childColumns, childId, linkTable, parentColumn, childColumn, childType);
    }

    /** Whether a foreign key targets the entity's (single-column) id rather than another unique key. */
    private static boolean referencesId(ModelPart target, EntityMappingType entity) {
        String targetColumn = single(target);
        return targetColumn != null && targetColumn.equals(single(entity.getIdentifierMapping()));
    }

    /** The single column of a model part, or null when it has several. */
    private static String single(ModelPart part) {
        List<SelectableMapping> selectables = new ArrayList<>();
        part.forEachSelectable((index, selectable) -> selectables.add(selectable));
        return selectables.size() == 1 ? selectables.get(0).getSelectionExpression() : null;
    }

    /** Whether the child's own table holds the parent's id, so children are found without a join. */
    public boolean direct() {
        return linkTable.equals(childColumns.table()) && childColumn.equals(childId);
    }

    /**
     * Selects, as column {@code sd_id}, the ids of the children of the parents that {@code parentIds}
     * selects.
     */
    public String childIds(String parentIds) {
        return "select " + childColumn + " as sd_id from " + linkTable + " where " + parentColumn + " in (" + parentIds + ")";
    }

    /** Like {@link #childIds}, keeping only rows of the child's type where its table is shared. */
    public String childIdsOfType(String parentIds) {
        return childType == null ? childIds(parentIds)
                : "select " + childId + " as sd_id from " + linkTable + " where " + childrenOf(parentIds);
    }

    /**
     * The condition, on the child's marker table, that selects the children of the parents that
     * {@code parentIds} selects, for a statement that does not write the tables it reads. Where that
     * table holds the foreign key itself it is a plain {@code fk in (parents)}, which the database
     * answers from the foreign key's index whatever it estimates for the rest of the condition.
     */
    public String childrenOf(String parentIds) {
        return direct() ? parentColumn + " in (" + parentIds + ")" + ofChildType()
                : childId + " in (" + childIds(parentIds) + ")";
    }

    /** {@code " and "} with the {@link #childType} condition, or nothing. */
    public String ofChildType() {
        return childType == null ? "" : " and " + childType;
    }
}
