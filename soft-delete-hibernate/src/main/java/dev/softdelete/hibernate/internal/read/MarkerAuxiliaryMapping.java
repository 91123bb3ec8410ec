package dev.softdelete.hibernate.internal.read;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import dev.softdelete.hibernate.internal.compat.ToOneAssociation;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.metamodel.mapping.AuxiliaryMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityNameUse;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.ast.spi.SqlAliasBaseGenerator;
import org.hibernate.sql.ast.spi.SqlAstCreationState;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.from.LazyTableGroup;
import org.hibernate.sql.ast.tree.from.NamedTableReference;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.from.TableGroupJoin;
import org.hibernate.sql.ast.tree.from.TableReference;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.tree.expression.QueryLiteral;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.NullnessPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Adds the soft-delete restriction of the session's {@link Visibility} wherever Hibernate reads a
 * soft-deletable table: query roots, joins, subqueries, collection elements and loads by key.
 * The exceptions are to-one associations fetched by a loader or by a query's fetch join of the key
 * side: the row exists and is referenced, so its target loads whatever its state (as lazy proxies do).
 */
public final class MarkerAuxiliaryMapping implements AuxiliaryMapping {

    private final EntityPersister rootPersister;
    private volatile String markerAttribute;

    public MarkerAuxiliaryMapping(EntityPersister rootPersister) {
        this.rootPersister = rootPersister;
    }

    /** The type description; resolved lazily because the service is filled after this is built. */
    public SoftDeletableType type() {
        return rootPersister.getFactory().getServiceRegistry().requireService(SoftDeleteService.class)
                .typeOf(rootPersister.getEntityName());
    }

    private BasicValuedModelPart markerOf(EntityMappingType entity) {
        String attribute = markerAttribute;
        if (attribute == null) {
            attribute = type().markerAttribute();
            markerAttribute = attribute;
        }
        return (BasicValuedModelPart) entity.findAttributeMapping(attribute);
    }

    /**
     * {@code marker is null} (live), {@code marker is not null} (deleted), and for all rows
     * {@code (marker is null or 1=1)}: true for every row, folded away by the databases' planners
     * (PostgreSQL, MariaDB and H2 simplify an {@code or} with a constant true arm before planning),
     * and it says in the SQL that the statement saw the marker and reads deleted rows on purpose. The
     * test kit's leak detector reads it so, in every session, wherever it was opened (a Spring-managed
     * one, a JPA EntityManager). {@code (marker is null or marker is not null)} would say the same,
     * but the databases evaluate it on every row.
     */
    private Predicate restriction(BasicValuedModelPart marker, TableReference table, Visibility visibility) {
        ColumnReference column = new ColumnReference(table, marker);
        if (visibility == Visibility.ALL) {
            Junction either = new Junction(Junction.Nature.DISJUNCTION);
            either.add(new NullnessPredicate(column, false));
            either.add(new ComparisonPredicate(one(), ComparisonOperator.EQUAL, one()));
            return either;
        }
        return new NullnessPredicate(column, visibility == Visibility.DELETED);
    }

    private QueryLiteral<Integer> one() {
        return new QueryLiteral<>(1, rootPersister.getFactory().getTypeConfiguration()
                .getBasicTypeForJavaType(Integer.class));
    }

    @Override
    public void applyPredicate(EntityMappingType entity, Consumer<Predicate> predicateConsumer,
            LazyTableGroup lazyTableGroup, NavigablePath navigablePath, SqlAstCreationState creationState) {
        // a to-one fetched by a loader (find, lazy proxy, batch fetch) loads its target whatever its state
        if (creationState.applyOnlyLoadByKeyFilters() || isFetchedForeignKey(lazyTableGroup)) {
            return;
        }
        Visibility visibility = Visibility.of(creationState.getLoadQueryInfluencers());
        BasicValuedModelPart marker = markerOf(entity);
        TableReference table = lazyTableGroup.resolveTableReference(navigablePath, marker.getContainingTableExpression());
        predicateConsumer.accept(restriction(marker, table, visibility));
    }

    /**
     * A query's fetch join of a to-one whose foreign key the owner holds ({@code join fetch o.customer},
     * an entity graph) loads the target whatever its state, as the lazy load does: restricted, it would
     * leave {@code null} in the owner (or drop the owner, for an inner join), and the next flush of a
     * change to the owner would write that {@code null} over the key. A join that is not fetched still
     * filters, as every query path does.
     */
    private static boolean isFetchedForeignKey(LazyTableGroup join) {
        return join.isFetched() && ToOneAssociation.isKeySide(join.getModelPart());
    }

    /** The restriction of a visibility on the rows of a table group of the entity. */
    Predicate restrictionOf(EntityMappingType entity, TableGroup tableGroup, Visibility visibility) {
        BasicValuedModelPart marker = markerOf(entity);
        return restriction(marker, tableGroup.resolveTableReference(marker.getContainingTableExpression()), visibility);
    }

    @Override
    public void applyPredicate(EntityMappingType entity, Consumer<Predicate> predicateConsumer,
            TableGroup tableGroup, SqlAliasBaseGenerator sqlAliasBaseGenerator, LoadQueryInfluencers influencers) {
        BasicValuedModelPart marker = markerOf(entity);
        TableReference table = tableGroup.resolveTableReference(marker.getContainingTableExpression());
        predicateConsumer.accept(restriction(marker, table, Visibility.of(influencers)));
    }

    @Override
    public void applyPredicate(PluralAttributeMapping collection, Consumer<Predicate> predicateConsumer,
            TableGroup tableGroup, SqlAliasBaseGenerator sqlAliasBaseGenerator, LoadQueryInfluencers influencers) {
        // never called: collections get no auxiliary mapping of their own (see SoftDeleteStateManagement)
    }

    @Override
    public void applyPredicate(TableGroupJoin tableGroupJoin, LoadQueryInfluencers influencers) {
        restrictJoin(tableGroupJoin, influencers);
    }

    /**
     * The form Hibernate 7.4.15 made abstract (the two-argument one became a default method). No
     * {@code @Override}, so that the library compiles against 7.4.13 too; on 7.4.15 and later the JVM
     * dispatches here by signature.
     */
    public void applyPredicate(TableGroupJoin tableGroupJoin, SqlAliasBaseGenerator sqlAliasBaseGenerator,
            LoadQueryInfluencers influencers) {
        restrictJoin(tableGroupJoin, influencers);
    }

    private void restrictJoin(TableGroupJoin tableGroupJoin, LoadQueryInfluencers influencers) {
        if (tableGroupJoin.getJoinedGroup().getModelPart() instanceof EntityValuedModelPart joined) {
            BasicValuedModelPart marker = markerOf(joined.getEntityMappingType());
            TableReference table = tableGroupJoin.getJoinedGroup().resolveTableReference(marker.getContainingTableExpression());
            tableGroupJoin.applyPredicate(restriction(marker, table, Visibility.of(influencers)));
        }
    }

    @Override
    public void applyPredicate(Supplier<Consumer<Predicate>> predicateCollector, SqlAstCreationState creationState,
            TableGroup tableGroup, NamedTableReference rootTableReference, EntityMappingType entity) {
        Visibility visibility = Visibility.of(creationState.getLoadQueryInfluencers());
        BasicValuedModelPart marker = markerOf(entity);
        TableReference table = tableGroup.resolveTableReference(marker.getContainingTableExpression());
        predicateCollector.get().accept(restriction(marker, table, visibility));
        if (table != rootTableReference && creationState.supportsEntityNameUsage()) {
            // a JOINED subclass query must keep the root table, which holds the marker, from being pruned
            creationState.registerEntityNameUsage(tableGroup, EntityNameUse.EXPRESSION,
                    entity.getRootEntityDescriptor().getEntityName());
        }
    }

    @Override
    public String getTableName() {
        return markerOf(rootPersister).getContainingTableExpression();
    }

    @Override
    public JdbcMapping getJdbcMapping() {
        return markerOf(rootPersister).getJdbcMapping();
    }

    @Override
    public boolean useAuxiliaryTable(LoadQueryInfluencers influencers) {
        return false;
    }

    @Override
    public boolean isAffectedByInfluencers(LoadQueryInfluencers influencers) {
        // loaders built for the live visibility are cached; an admin visibility needs its own
        return Visibility.of(influencers) != Visibility.LIVE;
    }
}
