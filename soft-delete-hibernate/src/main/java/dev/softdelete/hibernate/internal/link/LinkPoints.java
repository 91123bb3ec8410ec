package dev.softdelete.hibernate.internal.link;

import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where, in one SessionFactory's mapping, a row gets linked to a parent whose REMOVE cascade (or
 * {@code DENY} policy) reaches it: by an insert of a type such a cascade reaches, by an update of an attribute holding the parent's
 * key, or by a collection that writes the link. Resolved per type and per collection on first use.
 */
final class LinkPoints {

    /**
     * A collection that writes the links of a cascade step.
     *
     * @param step        the step
     * @param ownerIsParent whether the collection's owner is the step's parent (its elements are the
     *                    children); otherwise the owner is the child, linked to the parents it holds
     */
    record LinkingCollection(CascadeStep step, boolean ownerIsParent) {
    }

    /**
     * An attribute that writes a parent's key.
     *
     * @param position   its position in the entity's state
     * @param step       the step whose parent it names
     * @param reference  whether it holds the parent entity (a many-to-one) rather than its id
     * @param readable   whether its value is the parent or its id (not an embeddable holding the key)
     * @param insertable whether an insert writes it
     * @param updatable  whether an update writes it
     */
    record ParentKey(int position, CascadeStep step, boolean reference, boolean readable, boolean insertable,
            boolean updatable) {
    }

    /**
     * Rows to check, as remembered in the session: a type and the steps through which they were linked.
     *
     * @param type  the rows' type
     * @param steps all steps to the type (an insert), or the one whose key changed (a move)
     */
    record LinkedRows(EntityPersister type, List<CascadeStep> steps) {
    }

    private final SoftDeleteService service;
    private final Map<String, LinkedRows> linkedRows = new ConcurrentHashMap<>();
    private final Map<String, List<CascadeStep>> stepsToType = new ConcurrentHashMap<>();
    private final Map<String, List<ParentKey>> parentKeys = new ConcurrentHashMap<>();
    private final Map<String, List<CollectionPersister>> ownedCollections = new ConcurrentHashMap<>();
    private final Map<String, Optional<LinkingCollection>> collections = new ConcurrentHashMap<>();
    private final Map<String, Integer> markerPositions = new ConcurrentHashMap<>();

    LinkPoints(SoftDeleteService service) {
        this.service = service;
    }

    /**
     * The steps that reach a row of the type ({@link dev.softdelete.hibernate.internal.model.CascadePlans#linkSteps}):
     * those to it or to a supertype. Not those to a subclass: in a shared table, a row of the supertype
     * itself can hold the same foreign key without the association reaching it.
     */
    List<CascadeStep> stepsTo(EntityPersister type) {
        return stepsToType.computeIfAbsent(type.getEntityName(), name -> service.cascadePlans().linkSteps(type)
                .stream().filter(step -> step.child().isSubclassEntityName(name)).toList());
    }

    /** The position of a soft-deletable type's marker in its entities' state. */
    int markerPosition(EntityPersister type) {
        return markerPositions.computeIfAbsent(type.getEntityName(), name -> type.findAttributeMapping(
                service.typeOf(name).markerAttribute()).getStateArrayPosition());
    }

    /** The key under which rows of the type linked through every step to it are remembered: its name. */
    String keyOfAllSteps(EntityPersister type) {
        linkedRows.computeIfAbsent(type.getEntityName(), name -> new LinkedRows(type, stepsTo(type)));
        return type.getEntityName();
    }

    /** The key under which rows of the type linked through one step are remembered. */
    String keyOf(EntityPersister type, CascadeStep step) {
        String key = type.getEntityName() + " via " + step.owner().getEntityName() + "." + step.attribute();
        linkedRows.computeIfAbsent(key, name -> new LinkedRows(type, List.of(step)));
        return key;
    }

    /** What a key of {@link #keyOfAllSteps} or {@link #keyOf} stands for. */
    LinkedRows rowsOf(String key) {
        return linkedRows.get(key);
    }

    /**
     * The type's updatable attributes that write a parent's key column of a step reaching it (the
     * many-to-one of a {@code mappedBy} collection, or a plain column mapped on the same key): a change
     * to one of them moves the row under another parent.
     */
    List<ParentKey> parentKeys(EntityPersister type) {
        return parentKeys.computeIfAbsent(type.getEntityName(), name -> {
            List<ParentKey> keys = new ArrayList<>();
            for (CascadeStep step : stepsTo(type)) {
                type.forEachAttributeMapping(attribute -> attribute.forEachSelectable((index, column) -> {
                    boolean written = column.isInsertable() || column.isUpdateable();
                    if (written && writes(column, step.linkTable(), step.parentColumn())) {
                        boolean reference = ToOneAssociation.of(attribute) != null;
                        keys.add(new ParentKey(attribute.getStateArrayPosition(), step, reference,
                                reference || attribute instanceof BasicValuedModelPart, column.isInsertable(),
                                column.isUpdateable()));
                    }
                }));
            }
            return List.copyOf(keys);
        });
    }

    /** The owner's collections that write links of a step, as {@link #linkingCollection} finds them. */
    List<CollectionPersister> linkingCollectionsOf(EntityPersister owner) {
        return ownedCollections.computeIfAbsent(owner.getEntityName(), name -> {
            List<CollectionPersister> linking = new ArrayList<>();
            owner.forEachAttributeMapping(attribute -> {
                if (attribute instanceof PluralAttributeMapping plural
                        && linkingCollection(plural.getCollectionDescriptor()) != null) {
                    linking.add(plural.getCollectionDescriptor());
                }
            });
            return List.copyOf(linking);
        });
    }

    /** The step whose links a collection writes, or null: an inverse collection writes none. */
    LinkingCollection linkingCollection(CollectionPersister collection) {
        return collections.computeIfAbsent(collection.getRole(), role -> Optional.ofNullable(
                collection.isInverse() ? null : resolve(collection))).orElse(null);
    }

    private LinkingCollection resolve(CollectionPersister collection) {
        PluralAttributeMapping attribute = collection.getAttributeMapping();
        ForeignKeyDescriptor key = attribute.getKeyDescriptor();
        String table = key.getKeyTable();
        List<String> keyColumns = new ArrayList<>();
        key.getKeyPart().forEachSelectable((index, column) -> keyColumns.add(column.getSelectionExpression()));
        if (keyColumns.size() != 1) {
            return null;
        }
        EntityPersister owner = collection.getOwnerEntityPersister();
        for (CascadeStep step : service.cascadePlans().linkSteps(owner)) {
            if (!step.linkTable().equals(table)) {
                continue;
            }
            if (step.parentColumn().equals(keyColumns.get(0)) && related(step.owner(), owner)) {
                return new LinkingCollection(step, true);
            }
            if (step.childColumn().equals(keyColumns.get(0)) && related(step.child(), owner)) {
                return new LinkingCollection(step, false);
            }
        }
        return null;
    }

    private static boolean related(EntityPersister one, EntityPersister other) {
        return one.isSubclassEntityName(other.getEntityName()) || other.isSubclassEntityName(one.getEntityName());
    }

    private static boolean writes(SelectableMapping column, String table, String columnName) {
        return !column.isFormula() && table.equals(column.getContainingTableExpression())
                && columnName.equals(column.getSelectionExpression());
    }
}
