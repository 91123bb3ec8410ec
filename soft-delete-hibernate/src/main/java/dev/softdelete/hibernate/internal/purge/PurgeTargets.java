package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
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
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, from the mapping model, the soft-deletable hierarchies a purge covers and orders them so
 * that referencing rows go before the rows they reference.
 */
final class PurgeTargets {

    private static final Logger LOG = Logger.getLogger(PurgeTargets.class);

    /** A foreign key column of {@code referencingRoot}'s hierarchy that holds ids of another hierarchy. */
    private record Reference(KeyedTable key, String referencingRoot) {
    }

    private final SessionFactoryImplementor factory;
    private final SoftDeleteService service;
    private final Map<String, Set<KeyedTable>> collectionTables = new LinkedHashMap<>();
    private final Map<String, Set<Reference>> references = new LinkedHashMap<>();

    private PurgeTargets(SessionFactoryImplementor factory, SoftDeleteService service) {
        this.factory = factory;
        this.service = service;
    }

    /**
     * The targets of a run, children first.
     *
     * @param only      the hierarchies to cover (root names); empty for all
     * @param anonymize the hierarchies (root names) to anonymise instead of delete
     */
    static List<PurgeTarget> resolve(SessionFactoryImplementor factory, SoftDeleteService service,
            Set<String> only, Set<String> anonymize) {
        PurgeTargets targets = new PurgeTargets(factory, service);
        factory.getMappingMetamodel().forEachEntityDescriptor(targets::collectKeys);
        List<PurgeTarget> resolved = new ArrayList<>();
        for (EntityPersister root : softDeletableRoots(factory, service)) {
            if (only.isEmpty() || only.contains(root.getEntityName())) {
                PurgeTarget target = targets.target(root, anonymize.contains(root.getEntityName()), only, anonymize);
                if (target != null) {
                    resolved.add(target);
                }
            }
        }
        return targets.childrenFirst(resolved);
    }

    /** The roots of the soft-deletable hierarchies, by entity name. */
    static List<EntityPersister> softDeletableRoots(SessionFactoryImplementor factory, SoftDeleteService service) {
        List<EntityPersister> roots = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            if (persister.getRootEntityDescriptor() == persister && service.typeOf(persister.getEntityName()) != null) {
                roots.add(persister);
            }
        });
        roots.sort(Comparator.comparing(EntityPersister::getEntityName));
        return roots;
    }

    private void collectKeys(EntityPersister persister) {
        String root = persister.getRootEntityDescriptor().getEntityName();
        persister.forEachAttributeMapping(attribute -> collectKeys(root, attribute));
    }

    private void collectKeys(String owner, AttributeMapping attribute) {
        ToOneAssociation toOne = ToOneAssociation.of(attribute);
        if (toOne != null && toOne.ownerHoldsKey()) {
            ForeignKeyDescriptor key = toOne.foreignKey();
            reference(toOne.target().getRootEntityDescriptor().getEntityName(),
                    key.getKeyTable(), single(key.getKeyPart()), owner);
        }
        else if (attribute instanceof PluralAttributeMapping plural) {
            ForeignKeyDescriptor ownerKey = plural.getKeyDescriptor();
            String collectionTable = plural.getSeparateCollectionTable();
            boolean entityElements = plural.getElementDescriptor() instanceof EntityValuedModelPart;
            if (collectionTable == null && entityElements) {
                // unidirectional one-to-many: the element's table holds the owner's id
                String element = ((EntityValuedModelPart) plural.getElementDescriptor()).getEntityMappingType()
                        .getRootEntityDescriptor().getEntityName();
                reference(owner, ownerKey.getKeyTable(), single(ownerKey.getKeyPart()), element);
            }
            else if (collectionTable != null) {
                // join table or element collection: its rows go with the purged owner, and with a purged element
                link(owner, collectionTable, single(ownerKey.getKeyPart()));
                if (plural.getElementDescriptor() instanceof Association element && entityElements) {
                    String elementRoot = ((EntityValuedModelPart) element).getEntityMappingType()
                            .getRootEntityDescriptor().getEntityName();
                    link(elementRoot, collectionTable, single(element.getForeignKeyDescriptor().getKeyPart()));
                }
            }
        }
    }

    private void reference(String referenced, String table, String column, String referencingRoot) {
        if (column != null) {
            references.computeIfAbsent(referenced, name -> new LinkedHashSet<>())
                    .add(new Reference(new KeyedTable(table, column), referencingRoot));
        }
    }

    private void link(String owner, String table, String column) {
        if (column != null) {
            collectionTables.computeIfAbsent(owner, name -> new LinkedHashSet<>()).add(new KeyedTable(table, column));
        }
    }

    private PurgeTarget target(EntityPersister root, boolean anonymize, Set<String> only, Set<String> anonymized) {
        SoftDeletableType type = service.typeOf(root.getEntityName());
        RetentionPolicy retention = type.retention() != null ? type.retention() : service.defaultRetention();
        if (retention.isForever()) {
            LOG.debugf("Purge skips %s: its retention is forever", root.getEntityName());
            return null;
        }
        String idColumn = single(root.getIdentifierMapping());
        if (root instanceof UnionSubclassEntityPersister || idColumn == null) {
            LOG.warnf("Purge skips %s: TABLE_PER_CLASS hierarchies and composite ids are not supported yet;"
                    + " delete its expired rows yourself or set its retention to 'forever'", root.getEntityName());
            return null;
        }
        MarkerColumns markers = MarkerColumns.of(root, type);
        List<Guard> guards = new ArrayList<>();
        for (Reference reference : references.getOrDefault(root.getEntityName(), Set.of())) {
            // any referencing row holds this one back, soft-deletable or not: its DELETE would fail on the key
            SoftDeletableType referencing = service.typeOf(reference.referencingRoot());
            guards.add(referencing != null ? guard(root, reference, referencing, only, anonymized)
                    : new Guard(reference.key(), null, null));
        }
        List<AnonymizedColumn> columns = anonymize ? AnonymizedColumns.of(factory, root, markers.table()) : List.of();
        return new PurgeTarget(root, markers, idColumn, anonymize ? List.of() : dependents(root, markers.table()),
                anonymize ? List.of() : List.copyOf(guards), columns, retention);
    }

    private Guard guard(EntityPersister root, Reference reference, SoftDeletableType referencing, Set<String> only,
            Set<String> anonymized) {
        EntityPersister referencingRoot = factory.getMappingMetamodel().getEntityDescriptor(reference.referencingRoot());
        MarkerColumns markers = MarkerColumns.of(referencingRoot, referencing);
        boolean purgedByThisRun = (only.isEmpty() || only.contains(reference.referencingRoot()))
                && !anonymized.contains(reference.referencingRoot());
        RetentionPolicy retention = referencing.retention() != null ? referencing.retention() : service.defaultRetention();
        // within one table (a tree) a due child may sit in a later batch than its parent: any child holds it back
        boolean sameTable = markers.table().equals(reference.key().table());
        boolean selfReference = reference.referencingRoot().equals(root.getEntityName());
        return new Guard(reference.key(), sameTable && !selfReference ? markers : null,
                purgedByThisRun ? retention : null);
    }

    /** Collection tables, then subclass and secondary tables deepest first: rows that must go before the root's. */
    private List<KeyedTable> dependents(EntityPersister root, String rootTable) {
        List<KeyedTable> dependents = new ArrayList<>(collectionTables.getOrDefault(root.getEntityName(), Set.of()));
        List<KeyedTable> tables = new ArrayList<>();
        List<EntityPersister> hierarchy = new ArrayList<>();
        hierarchy.add(root);
        root.getSubMappingTypes().forEach(sub -> hierarchy.add(sub.getEntityPersister()));
        for (EntityPersister persister : hierarchy) {
            persister.forEachMutableTable(table -> {
                KeyedTable keyed = new KeyedTable(table.getTableName(), table.getKeyMapping().getKeyColumn(0).getColumnName());
                if (!table.getTableName().equals(rootTable) && !tables.contains(keyed)) {
                    tables.add(keyed);
                }
            });
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            dependents.add(tables.get(i));
        }
        return List.copyOf(dependents);
    }

    /** Kahn's order over "references" edges; a cycle keeps its members in name order (guards keep it safe). */
    private List<PurgeTarget> childrenFirst(List<PurgeTarget> targets) {
        Map<String, PurgeTarget> byName = new LinkedHashMap<>();
        targets.forEach(target -> byName.put(target.entity().getEntityName(), target));
        List<PurgeTarget> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < targets.size()) {
            PurgeTarget next = null;
            for (PurgeTarget candidate : byName.values()) {
                if (done.contains(candidate.entity().getEntityName())) {
                    continue;
                }
                if (next == null) {
                    next = candidate;
                }
                if (waitingChildren(candidate, byName, done).isEmpty()) {
                    next = candidate;
                    break;
                }
            }
            done.add(next.entity().getEntityName());
            ordered.add(next);
        }
        return ordered;
    }

    /** The targets, not yet ordered, that reference rows of {@code target} (anonymised ones delete nothing). */
    private Collection<String> waitingChildren(PurgeTarget target, Map<String, PurgeTarget> byName, Set<String> done) {
        Set<String> children = new LinkedHashSet<>();
        String name = target.entity().getEntityName();
        for (Reference reference : references.getOrDefault(name, Set.of())) {
            String child = reference.referencingRoot();
            PurgeTarget childTarget = byName.get(child);
            if (!child.equals(name) && childTarget != null && !childTarget.anonymizes() && !done.contains(child)) {
                children.add(child);
            }
        }
        return children;
    }

    /** The single column of a model part, or null when it has several. */
    static String single(ModelPart part) {
        List<SelectableMapping> selectables = new ArrayList<>();
        part.forEachSelectable((index, selectable) -> selectables.add(selectable));
        return selectables.size() == 1 ? selectables.get(0).getSelectionExpression() : null;
    }
}
