package dev.softdelete.hibernate.internal.read;

import dev.softdelete.hibernate.internal.scope.Visibility;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.internal.StandardSqmTranslator;
import org.hibernate.query.sqm.tree.domain.SqmPluralValuedSimplePath;
import org.hibernate.query.sqm.tree.expression.SqmCollectionSize;
import org.hibernate.query.sqm.tree.predicate.SqmMemberOfPredicate;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.predicate.ExistsPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.select.QuerySpec;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Hibernate's translation of queries, with the restrictions of right and full joins where they filter
 * ({@link OuterJoinRestrictions}), and the visibility restriction in the two subqueries it builds
 * over a collection's table without the restrictions its loaders apply: {@code size(c.orders)} and
 * {@code :order member of c.orders} (also Criteria's {@code size} and {@code isMember}). Each gets the
 * collection's auxiliary restrictions, the same call Hibernate's collection loaders make, so the
 * elements counted or matched are those the collection would load.
 */
public final class CollectionSubqueryTranslator extends StandardSqmTranslator<SelectStatement> {

    public CollectionSubqueryTranslator(SqmSelectStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings domainParameterBindings,
            LoadQueryInfluencers loadQueryInfluencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems) {
        super(statement, queryOptions, domainParameterXref, domainParameterBindings, loadQueryInfluencers,
                creationContext, deduplicateSelectionItems);
    }

    @Override
    public SqmTranslation<SelectStatement> translate() {
        SqmTranslation<SelectStatement> translation = super.translate();
        Visibility visibility = Visibility.of(getLoadQueryInfluencers());
        translation.getSqlAst().getQueryPart().visitQuerySpecs(spec -> OuterJoinRestrictions.apply(spec, visibility));
        return translation;
    }

    @Override
    public Expression visitPluralAttributeSizeFunction(SqmCollectionSize function) {
        Expression size = super.visitPluralAttributeSizeFunction(function);
        if (size instanceof SelectStatement subquery) {
            restrictElements(subquery.getQuerySpec());
        }
        return size;
    }

    @Override
    public Predicate visitMemberOfPredicate(SqmMemberOfPredicate predicate) {
        Predicate memberOf = super.visitMemberOfPredicate(predicate);
        if (memberOf instanceof ExistsPredicate exists) {
            restrictElements(exists.getExpression().getQuerySpec());
        }
        return memberOf;
    }

    private void restrictElements(QuerySpec subquery) {
        if (subquery.getFromClause().getRoots().size() != 1) {
            return;
        }
        TableGroup elements = subquery.getFromClause().getRoots().get(0);
        if (elements.getModelPart() instanceof PluralAttributeMapping collection) {
            collection.applyAuxiliaryRestrictions(elements, subquery::applyPredicate, getLoadQueryInfluencers(),
                    getSqlAliasBaseGenerator());
        }
    }
}
