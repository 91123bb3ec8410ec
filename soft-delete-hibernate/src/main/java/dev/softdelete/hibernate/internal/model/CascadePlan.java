package dev.softdelete.hibernate.internal.model;

import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;

/**
 * The set-based cascade of one entity type: a step per REMOVE-cascading association of the type and
 * its supertypes. {@code setBased} is false when some association cannot be done set-based (a
 * composite key, or a cascade to a hard entity that must be hard-deleted); Hibernate's own row-by-row
 * cascade then runs for that type, and the steps find nothing left to mark.
 *
 * @param steps    the associations to follow
 * @param setBased whether the steps cover every REMOVE cascade of the type
 */
public record CascadePlan(List<CascadeStep> steps, boolean setBased) {

    public static final CascadePlan NONE = new CascadePlan(List.of(), true);

    static CascadePlan of(EntityPersister persister, SoftDeleteModel model) {
        List<CascadeStep> steps = new ArrayList<>();
        boolean setBased = true;
        for (EntityMappingType type = persister; type != null; type = type.getSuperMappingType()) {
            String entityName = type.getEntityName();
            setBased &= !model.needsHibernateCascade(entityName);
            for (String attribute : model.cascadeAttributes(entityName)) {
                CascadeStep step = CascadeStep.resolve(type.getEntityPersister(), attribute, model);
                if (step == null) {
                    setBased = false;
                }
                else {
                    steps.add(step);
                }
            }
        }
        return steps.isEmpty() && setBased ? NONE : new CascadePlan(List.copyOf(steps), setBased);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
