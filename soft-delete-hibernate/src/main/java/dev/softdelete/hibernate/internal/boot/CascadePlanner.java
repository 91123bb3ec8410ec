package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.internal.boot.DeletePolicyReader.Declared;
import dev.softdelete.hibernate.internal.model.HardEntityCascade;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.model.SoftDeleteModel;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the associations of soft-deletable entities that cascade REMOVE (or remove orphans) or are
 * declared {@code @OnSoftDelete(CASCADE)}, which the library soft-deletes with set-based UPDATEs, and
 * those declared {@code DENY} or {@code DETACH}; reports those that would cascade to an entity that is not
 * soft-deletable: Hibernate would hard-delete it, and the data would be lost.
 */
final class CascadePlanner {

    private final InFlightMetadataCollector metadata;
    private final Map<String, SoftDeletableType> roots;
    private final HardEntityCascade toHardEntity;
    private final List<String> problems;

    CascadePlanner(InFlightMetadataCollector metadata, Map<String, SoftDeletableType> roots,
            HardEntityCascade toHardEntity, List<String> problems) {
        this.metadata = metadata;
        this.roots = roots;
        this.toHardEntity = toHardEntity;
        this.problems = problems;
    }

    /**
     * Records in the model the cascading attributes declared by each soft-deletable entity, and
     * the entities whose cascade must stay Hibernate's own because it hard-deletes.
     */
    void plan(SoftDeleteModel.Builder model) {
        DeletePolicyReader reader = new DeletePolicyReader(metadata, roots.keySet(), problems);
        Map<String, Map<String, Declared>> policies = reader.read();
        DetachColumnBinder detachColumns = new DetachColumnBinder(metadata.getDatabase(), reader, problems);
        Map<String, List<String>> plan = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (!roots.containsKey(entity.getRootClass().getEntityName())) {
                continue;
            }
            Map<String, Declared> declared = policies.getOrDefault(entity.getEntityName(), Map.of());
            for (Property property : entity.getProperties()) {
                Declared policy = declared.get(property.getName());
                if (policy != null) {
                    switch (policy.policy()) {
                        case CASCADE -> plan.computeIfAbsent(entity.getEntityName(), name -> new ArrayList<>())
                                .add(property.getName());
                        case DENY -> model.deny(entity.getEntityName(), property.getName());
                        case DETACH -> detachColumns.bind(policy, model);
                        case KEEP -> { }
                    }
                    continue;
                }
                String target = removeCascadeTarget(property);
                if (target == null) {
                    continue;
                }
                if (isSoftDeletable(target)) {
                    plan.computeIfAbsent(entity.getEntityName(), name -> new ArrayList<>()).add(property.getName());
                }
                else if (toHardEntity == HardEntityCascade.HARD_DELETE) {
                    model.hibernateCascade(entity.getEntityName());
                }
                else if (toHardEntity == HardEntityCascade.FAIL) {
                    problems.add(entity.getEntityName() + "#" + property.getName() + ": cascades REMOVE to " + target
                            + ", which is not soft-deletable, so removing " + entity.getEntityName()
                            + " would hard-delete it; annotate " + target + " with @SoftDelete, drop the REMOVE cascade,"
                            + " or set " + SoftDeleteSettings.CASCADE_TO_HARD_ENTITY + " to hard-delete or ignore");
                }
            }
        }
        plan.forEach(model::cascades);
    }

    private boolean isSoftDeletable(String entityName) {
        PersistentClass entity = metadata.getEntityBinding(entityName);
        return entity != null && roots.containsKey(entity.getRootClass().getEntityName());
    }

    /** The entity a property cascades REMOVE to, or null. */
    private static String removeCascadeTarget(Property property) {
        CascadeStyle style = property.getCascadeStyle();
        boolean cascadesRemove = style.doCascade(CascadingActions.REMOVE) || style.hasOrphanDelete();
        if (!cascadesRemove) {
            return null;
        }
        if (property.getValue() instanceof Collection collection) {
            if (collection.getElement() instanceof OneToMany oneToMany) {
                return oneToMany.getReferencedEntityName();
            }
            if (collection.getElement() instanceof ManyToOne manyToMany) {
                return manyToMany.getReferencedEntityName();
            }
            return null;
        }
        return property.getValue() instanceof ToOne toOne ? toOne.getReferencedEntityName() : null;
    }
}
