package dev.softdelete.hibernate.internal.model;

import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    private final Map<CascadeStep, List<CascadeStep>> otherParents = new ConcurrentHashMap<>();
    private final Map<String, List<CascadeStep>> rowSteps = new ConcurrentHashMap<>();
    private final Map<String, List<DenyStep>> rootDenySteps = new ConcurrentHashMap<>();
    private final Map<String, List<DenyStep>> rowDenySteps = new ConcurrentHashMap<>();
    private final Map<String, List<DetachStep>> rootDetachSteps = new ConcurrentHashMap<>();
    private final Map<String, List<DetachStep>> rowDetachSteps = new ConcurrentHashMap<>();
    private final Map<String, Boolean> denyReachable = new ConcurrentHashMap<>();
    private final Map<String, Boolean> onCycle = new ConcurrentHashMap<>();
    private final Map<String, List<EntityPersister>> cascadeTypes = new ConcurrentHashMap<>();
    private volatile List<CascadeStep> linkSteps;

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

    /**
     * The steps whose parent's delete reaches rows of the given type, or of one of its subclasses (a
     * restore named by a superclass may find a row of any of them): the ways to their parents, those of
     * REMOVE cascades and of {@code DENY} policies ({@link #linkSteps}).
     */
    public List<CascadeStep> parentStepsOf(EntityPersister child) {
        return parentSteps.computeIfAbsent(child.getEntityName(), name -> linkSteps(child).stream()
                .filter(step -> step.child().isSubclassEntityName(name)
                        || child.isSubclassEntityName(step.child().getEntityName()))
                .toList());
    }

    /**
     * The ways to the parents of the rows a cascade reaches through {@code step}, other than the parent
     * it comes from: every step to the rows' type ({@link #parentStepsOf}), the step itself included
     * where a row can have several parents through it (a join table, or a key held by the owners).
     */
    public List<CascadeStep> otherParentsOf(CascadeStep step) {
        // by name: a subclass's plan holds its own copies of the steps it inherits, owned by it or its superclass
        return otherParents.computeIfAbsent(step, from -> parentStepsOf(from.child()).stream()
                .filter(other -> !(from.direct() && other.attribute().equals(from.attribute())
                        && other.owner().isSubclassEntityName(from.owner().getEntityName())))
                .toList());
    }

    /**
     * Every association whose parent's delete must leave no live row under it, as a step from parent
     * to child: the REMOVE cascades of every owner, and the {@code DENY} associations to soft-deletable
     * targets (a {@code DENY} to a plain target, or through a key the steps cannot express, has none).
     *
     * @param anyType any entity of the factory, to reach its mapping model
     */
    public List<CascadeStep> linkSteps(EntityPersister anyType) {
        List<CascadeStep> steps = linkSteps;
        if (steps == null) {
            List<CascadeStep> found = new ArrayList<>();
            for (String owner : model.cascadeOwners()) {
                EntityPersister persister = anyType.getFactory().getMappingMetamodel().getEntityDescriptor(owner);
                of(persister).steps().stream().filter(step -> step.owner() == persister).forEach(found::add);
            }
            for (String owner : model.denyOwners()) {
                EntityPersister persister = anyType.getFactory().getMappingMetamodel().getEntityDescriptor(owner);
                for (String attribute : model.denyAttributes(owner)) {
                    AssociationKey association = AssociationKey.of(persister, attribute);
                    boolean softTarget = association != null && !association.ownerHoldsKey()
                            && model.typeOf(association.target().getEntityName()) != null;
                    CascadeStep step = softTarget ? CascadeStep.resolve(persister, attribute, model) : null;
                    if (step != null) {
                        found.add(step);
                    }
                }
            }
            steps = List.copyOf(found);
            linkSteps = steps;
        }
        return steps;
    }

    /**
     * The {@code DENY} associations that apply to a row of the type: for the root row of a delete,
     * those of its class and superclasses; for rows a cascade reached ({@code rootRow} false), those of
     * the subclasses too, as for cascade steps.
     */
    public List<DenyStep> denyStepsOf(EntityPersister type, boolean rootRow) {
        if (!model.hasDenyPolicies()) {
            return List.of();
        }
        return (rootRow ? rootDenySteps : rowDenySteps).computeIfAbsent(type.getEntityName(), name -> {
            List<DenyStep> steps = new ArrayList<>();
            for (EntityPersister owner : owners(type, rootRow)) {
                for (String attribute : model.denyAttributes(owner.getEntityName())) {
                    steps.add(DenyStep.resolve(owner, attribute, model));
                }
            }
            return List.copyOf(steps);
        });
    }

    /** The {@code DETACH} associations that apply to a row of the type, as {@link #denyStepsOf} chooses them. */
    public List<DetachStep> detachStepsOf(EntityPersister type, boolean rootRow) {
        if (!model.hasDetachPolicies()) {
            return List.of();
        }
        return (rootRow ? rootDetachSteps : rowDetachSteps).computeIfAbsent(type.getEntityName(), name -> {
            List<DetachStep> steps = new ArrayList<>();
            for (EntityPersister owner : owners(type, rootRow)) {
                model.detachAttributes(owner.getEntityName())
                        .forEach((attribute, column) -> steps.add(DetachStep.resolve(owner, attribute, column)));
            }
            return List.copyOf(steps);
        });
    }

    /** Whether any association is {@code @OnSoftDelete(DETACH)}: without one, no level looks for them. */
    public boolean hasDetachPolicies() {
        return model.hasDetachPolicies();
    }

    /** The type and its supertypes; for rows a cascade reached, its subclasses too. */
    private static List<EntityPersister> owners(EntityPersister type, boolean rootRow) {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMappingType up = type; up != null; up = up.getSuperMappingType()) {
            names.add(up.getEntityName());
        }
        if (!rootRow) {
            names.addAll(type.getSubclassEntityNames());
        }
        List<EntityPersister> owners = new ArrayList<>();
        names.forEach(owner -> owners.add(type.getFactory().getMappingMetamodel().getEntityDescriptor(owner)));
        return owners;
    }

    /**
     * Whether deleting a row of the type can meet a {@code DENY} association: on the row itself, or on
     * a row its cascades reach. False for most mappings, and then a delete checks nothing.
     */
    public boolean mayDeny(EntityPersister type) {
        return model.hasDenyPolicies() && (!denyStepsOf(type, true).isEmpty()
                || of(type).steps().stream().anyMatch(step -> rowsMayDeny(step.child())));
    }

    /** Like {@link #mayDeny}, for rows of the type that a cascade reached. */
    public boolean rowsMayDeny(EntityPersister type) {
        if (!model.hasDenyPolicies()) {
            return false;
        }
        return denyReachable.computeIfAbsent(type.getEntityName(), name -> {
            Set<String> seen = new HashSet<>();
            Deque<EntityPersister> pending = new ArrayDeque<>(List.of(type));
            while (!pending.isEmpty()) {
                EntityPersister reached = pending.poll();
                if (!seen.add(reached.getEntityName())) {
                    continue;
                }
                if (!denyStepsOf(reached, false).isEmpty()) {
                    return true;
                }
                stepsFromRowsOf(reached).forEach(step -> pending.add(step.child()));
            }
            return false;
        });
    }

    /**
     * Whether the REMOVE cascades from rows of the type can lead back to rows of its hierarchy (a
     * self-reference, or a cycle through other types): only then can its rows form a ring, whose
     * restore locks the ring first.
     */
    public boolean onCycle(EntityPersister type) {
        return onCycle.computeIfAbsent(type.getEntityName(), name -> cascadeTypes(type).stream()
                .flatMap(reached -> stepsFromRowsOf(reached).stream())
                .anyMatch(step -> step.child().getRootEntityDescriptor() == type.getRootEntityDescriptor()));
    }

    /** The type and every type its REMOVE cascades reach, directly or through others. */
    public List<EntityPersister> cascadeTypes(EntityPersister type) {
        return cascadeTypes.computeIfAbsent(type.getEntityName(), name -> {
            Map<String, EntityPersister> reached = new LinkedHashMap<>();
            reached.put(name, type);
            Deque<EntityPersister> pending = new ArrayDeque<>(List.of(type));
            while (!pending.isEmpty()) {
                for (CascadeStep step : stepsFromRowsOf(pending.poll())) {
                    if (reached.putIfAbsent(step.child().getEntityName(), step.child()) == null) {
                        pending.add(step.child());
                    }
                }
            }
            return List.copyOf(reached.values());
        });
    }
}
