package dev.softdelete.hibernate.internal.model;

import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cascade plans of one SessionFactory: derived from its {@link SoftDeleteModel} and Hibernate's
 * runtime mapping model, which exists only once the factory is built; resolved on first use and kept.
 */
public final class CascadePlans {

    private final SoftDeleteModel model;

    private final Map<String, CascadePlan> plans = new ConcurrentHashMap<>();
    private final Map<String, List<CascadeStep>> parentSteps = new ConcurrentHashMap<>();
    private final Map<String, List<CascadeStep>> rowSteps = new ConcurrentHashMap<>();

    public CascadePlans(SoftDeleteModel model) {
        this.model = model;
    }

    public CascadePlan of(EntityPersister persister) {
        return plans.computeIfAbsent(persister.getEntityName(), name -> CascadePlan.of(persister, model));
    }

    /**
     * The steps to follow from rows whose type is the given one or one of its subclasses (the rows an
     * association to that type reaches): those of the type and its supertypes, and those its
     * subclasses declare.
     */
    public List<CascadeStep> stepsFromRowsOf(EntityPersister type) {
        return rowSteps.computeIfAbsent(type.getEntityName(), name -> {
            Set<CascadeStep> steps = new LinkedHashSet<>(of(type).steps());
            for (String subclass : type.getSubclassEntityNames()) {
                steps.addAll(of(type.getFactory().getMappingMetamodel().getEntityDescriptor(subclass)).steps());
            }
            return List.copyOf(steps);
        });
    }

    /** The steps whose cascade reaches rows of the given type: the ways to its parents. */
    public List<CascadeStep> parentStepsOf(EntityPersister child) {
        return parentSteps.computeIfAbsent(child.getEntityName(), name -> {
            List<CascadeStep> steps = new ArrayList<>();
            for (String owner : model.cascadeOwners()) {
                EntityPersister ownerPersister = child.getFactory().getMappingMetamodel().getEntityDescriptor(owner);
                for (CascadeStep step : of(ownerPersister).steps()) {
                    if (step.owner() == ownerPersister && step.child().isSubclassEntityName(child.getEntityName())) {
                        steps.add(step);
                    }
                }
            }
            return List.copyOf(steps);
        });
    }
}
