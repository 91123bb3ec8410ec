package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.SoftDeleteMappingException;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.model.SoftDeleteModel;
import dev.softdelete.hibernate.internal.schema.DeletedRowIndexes;
import dev.softdelete.hibernate.internal.schema.LiveUniqueBinder;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.FetchProfile;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.MetadataSource;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.SimpleValue;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Second boot phase, after all entities and collections are bound: reads and validates
 * {@code @SoftDelete}, installs the soft-delete state management on each soft-deletable root and on
 * the collections owning or holding soft-deletable entities, and attaches the visibility marker
 * filters. Filters must be defined here: the SessionFactory copies filter definitions before
 * integrators run.
 */
public final class SoftDeleteMappingContributor implements AdditionalMappingContributor {

    private static final Logger LOG = Logger.getLogger(SoftDeleteMappingContributor.class);

    @Override
    public String getContributorName() {
        return "softdelete";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
        SoftDeleteService service = buildingContext.getBootstrapContext().getServiceRegistry()
                .requireService(SoftDeleteService.class);
        if (!service.isEnabled()) {
            LOG.debug("softdelete.enabled is false: @SoftDelete entities are mapped as plain entities");
            return;
        }
        SoftDeleteModel.Builder model = service.newModel();
        contribute(contributions, metadata, buildingContext, service, model);
        service.stage(buildingContext.getBootstrapContext(), model.build());
    }

    private void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            MetadataBuildingContext buildingContext, SoftDeleteService service, SoftDeleteModel.Builder model) {
        Map<String, SoftDeletableType> roots = readRoots(metadata, service, buildingContext, model);
        defineVisibilityProfiles(metadata);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            SoftDeletableType type = roots.get(entity.getRootClass().getEntityName());
            if (type != null) {
                model.type(entity.getEntityName(), type);
            }
        }
        for (SoftDeletableType type : roots.values()) {
            RootClass root = (RootClass) metadata.getEntityBinding(type.rootEntityName());
            root.setStateManagementType(SoftDeleteStateManagement.class);
            makeMarkerReadOnly(root, type);
            LOG.debugf("soft-deletable: %s, marker %s", type.rootEntityName(), type.markerAttribute());
        }
        prepareCollections(metadata, roots);
        new LiveUniqueBinder(buildingContext, model.uniqueKeys()).bind(roots, contributions::contributeAuxiliaryDatabaseObject);
        DeletedRowIndexes.bind(metadata, roots, contributions::contributeAuxiliaryDatabaseObject);
        if (service.history().table()) {
            HistoryTableBinder.bind(metadata, buildingContext, model);
        }
    }

    /**
     * Entity UPDATEs never write the marker, actor or reason: a copy loaded before a delete (or a
     * restore) would otherwise write the old state back. remove(), restore() and the purge write them.
     */
    private static void makeMarkerReadOnly(RootClass root, SoftDeletableType type) {
        for (String attribute : new String[] {type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute()}) {
            if (attribute != null) {
                root.getProperty(attribute).setUpdatable(false);
            }
        }
    }

    private Map<String, SoftDeletableType> readRoots(InFlightMetadataCollector metadata, SoftDeleteService service,
            MetadataBuildingContext buildingContext, SoftDeleteModel.Builder model) {
        List<String> problems = new ArrayList<>();
        SoftDeleteAnnotationReader reader = new SoftDeleteAnnotationReader(problems);
        Map<String, SoftDeletableType> roots = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof RootClass root) {
                SoftDeletableType type = reader.read(root, service.foreignSqmTranslator());
                if (type != null) {
                    roots.put(root.getEntityName(), type);
                }
            }
            else {
                reader.checkSubclass(entity);
            }
        }
        EmbeddableCheck embeddables = new EmbeddableCheck(problems);
        metadata.getEntityBindings().forEach(embeddables::check);
        metadata.getCollectionBindings().forEach(embeddables::check);
        new CascadePlanner(metadata, roots, service.toHardEntity(), problems).plan(model);
        new SoftDeletableElements(metadata, roots).checkPositions(problems);
        Map<String, SoftDeletableType> bound = new OperationColumnBinder(metadata, buildingContext).bind(roots, problems);
        if (!problems.isEmpty()) {
            throw new SoftDeleteMappingException(problems);
        }
        return bound;
    }

    /**
     * The admin visibilities travel as fetch profiles that fetch nothing (see {@code Visibility}): a
     * session can enable only a profile its factory defines.
     */
    private static void defineVisibilityProfiles(InFlightMetadataCollector metadata) {
        for (Visibility visibility : List.of(Visibility.ALL, Visibility.DELETED)) {
            if (metadata.getFetchProfile(visibility.profileName()) == null) {
                metadata.addFetchProfile(new FetchProfile(visibility.profileName(), MetadataSource.OTHER));
            }
        }
    }

    private static void prepareCollections(InFlightMetadataCollector metadata, Map<String, SoftDeletableType> roots) {
        SoftDeletableElements elements = new SoftDeletableElements(metadata, roots);
        for (Collection collection : metadata.getCollectionBindings()) {
            boolean softDeletableOwner = isSoftDeletable(collection.getOwner(), roots);
            if (!collection.isInverse() && collection.getStateManagementType() == null
                    && (softDeletableOwner || elements.holdsSoftDeletable(collection))) {
                // keeps the links of a soft-deleted owner, and those of deleted elements when the collection
                // is rewritten (LinkKeepingRemoveCoordinator), whatever the owner's own state management
                collection.setStateManagementType(SoftDeleteStateManagement.class);
                if (softDeletableOwner && !collection.isOneToMany()) {
                    deleteLinksWithTheirOwnerRow(collection);
                }
            }
            if (collection.getElement() instanceof ManyToOne && elements.holdsSoftDeletable(collection)) {
                nestTargetJoins(collection);
            }
        }
    }

    /**
     * An outer join of a many-to-many ({@code left join c.tags t}) must drop a link whose target is
     * hidden, not keep it beside a {@code null} target: a phantom row, and counts over the join that
     * count it. Hibernate nests the target's join inside the collection's
     * ({@code left join (customer_tag ct join tag t on ... and t.deleted_at is null) on ...}) only when
     * the collection has a restriction of its own; a constant one makes it do so, and costs nothing.
     */
    private static void nestTargetJoins(Collection collection) {
        if (collection.getManyToManyWhere() == null) {
            collection.setManyToManyWhere("1=1");
        }
    }

    /**
     * Join-table and element-collection rows go with their owner's row by {@code on delete cascade}
     * instead of by Hibernate's own DELETE: then a bulk delete of soft-deletable owners, which Hibernate
     * would otherwise precede with a DELETE of their link rows, keeps the links, while the hard delete
     * of an owner (hardDelete, the purge) still removes them.
     */
    private static void deleteLinksWithTheirOwnerRow(Collection collection) {
        if (!(collection.getKey() instanceof SimpleValue key)) {
            return;
        }
        key.setOnDeleteAction(OnDeleteAction.CASCADE);
        // foreign keys bound before this phase carry the action of the key they were made from
        for (ForeignKey foreignKey : collection.getCollectionTable().getForeignKeyCollection()) {
            if (foreignKey.getColumns().equals(key.getColumns())) {
                foreignKey.setOnDeleteAction(OnDeleteAction.CASCADE);
            }
        }
    }

    private static boolean isSoftDeletable(PersistentClass entity, Map<String, SoftDeletableType> roots) {
        return entity != null && roots.containsKey(entity.getRootClass().getEntityName());
    }
}
