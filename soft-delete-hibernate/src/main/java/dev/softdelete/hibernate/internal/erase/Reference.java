package dev.softdelete.hibernate.internal.erase;

import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-column foreign key of the mapping model that points to rows of an entity: from another
 * entity's row ({@code owner} set: that row blocks an erase unless it goes too), or from a link row
 * of a join table or element collection ({@code owner} null: the link goes with the row it points to).
 *
 * @param target      the root entity name of the rows pointed to
 * @param table       the table holding the foreign key
 * @param column      the foreign key column
 * @param owner       the entity whose rows hold the key, or null for a link table
 * @param ownerId     the owner's id column in {@code table}, or null for a link table
 * @param attribute   the mapped attribute, {@code Entity#attribute}, for messages
 */
record Reference(String target, String table, String column, EntityPersister owner, String ownerId,
        String attribute) {

    boolean isLink() {
        return owner == null;
    }

    /** Every such foreign key of the SessionFactory, each once. */
    static List<Reference> of(SessionFactoryImplementor factory) {
        Map<String, Reference> byColumn = new LinkedHashMap<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            persister.forEachAttributeMapping(attribute -> {
                for (Reference reference : of(persister, attribute)) {
                    byColumn.putIfAbsent(reference.table() + "." + reference.column(), reference);
                }
            });
        });
        return List.copyOf(byColumn.values());
    }

    private static List<Reference> of(EntityPersister persister, AttributeMapping attribute) {
        List<Reference> references = new ArrayList<>();
        String name = persister.getEntityName() + "#" + attribute.getAttributeName();
        ToOneAssociation toOne = ToOneAssociation.of(attribute);
        if (toOne != null && toOne.ownerHoldsKey()) {
            ForeignKeyDescriptor key = toOne.foreignKey();
            String target = toOne.target().getRootEntityDescriptor().getEntityName();
            add(references, target, key.getKeyTable(), key.getKeyPart(), persister, name);
        }
        else if (attribute instanceof PluralAttributeMapping plural) {
            ForeignKeyDescriptor key = plural.getKeyDescriptor();
            String ownerRoot = persister.getRootEntityName();
            String collectionTable = plural.getSeparateCollectionTable();
            if (collectionTable != null) {
                add(references, ownerRoot, collectionTable, key.getKeyPart(), null, name);
                if (plural.getElementDescriptor() instanceof EntityValuedModelPart element
                        && element instanceof Association manyToMany) {
                    add(references, element.getEntityMappingType().getRootEntityDescriptor().getEntityName(),
                            collectionTable, manyToMany.getForeignKeyDescriptor().getKeyPart(), null, name);
                }
            }
            else if (plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
                // a one-to-many: the element's own table holds the owner's id
                add(references, ownerRoot, key.getKeyTable(), key.getKeyPart(),
                        element.getEntityMappingType().getEntityPersister(), name);
            }
        }
        return references;
    }

    private static void add(List<Reference> references, String target, String table, ModelPart keyPart,
            EntityPersister rowOwner, String attribute) {
        String column = single(keyPart);
        if (column == null) {
            return; // composite keys are not followed (see the guide's limitations)
        }
        EntityPersister owner = rowOwner != null && ownsTable(rowOwner, table) ? rowOwner : null;
        String ownerId = owner == null ? null : MarkerColumns.idColumnIn(owner, table);
        references.add(new Reference(target, table, column, owner, ownerId, attribute));
    }

    // getTableName(int) is deprecated since 6.2, not for removal; it lists a JOINED entity's tables with their key columns as this needs
    @SuppressWarnings("deprecation")
    private static boolean ownsTable(EntityPersister persister, String table) {
        for (int j = 0; j < persister.getTableSpan(); j++) {
            if (persister.getTableName(j).equals(table)) {
                return true;
            }
        }
        return false;
    }

    private static String single(ModelPart part) {
        List<SelectableMapping> selectables = new ArrayList<>();
        part.forEachSelectable((index, selectable) -> selectables.add(selectable));
        return selectables.size() == 1 ? selectables.get(0).getSelectionExpression() : null;
    }
}
