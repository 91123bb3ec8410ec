package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.delete.MarkerParameter.Value;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.StandardSqmTranslation;
import org.hibernate.query.sqm.sql.internal.StandardSqmTranslator;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.delete.DeleteStatement;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.from.NamedTableReference;
import org.hibernate.sql.ast.tree.predicate.NullnessPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.update.Assignment;
import org.hibernate.sql.ast.tree.update.UpdateStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a bulk {@code delete} of a soft-deletable entity (HQL, JPQL or Criteria) into the
 * UPDATE that marks the matching live rows: {@code update t set marker=?, operation=?, actor=?, reason=? where
 * <the delete's restriction> and marker is null}. Its result is the number of rows marked.
 */
final class SoftDeleteSqmTranslator extends StandardSqmTranslator<MutationStatement> {

    private final MarkerColumns columns;
    private final String entityName;

    SoftDeleteSqmTranslator(SqmDeleteStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings domainParameterBindings,
            LoadQueryInfluencers loadQueryInfluencers, SqlAstCreationContext creationContext, MarkerColumns columns,
            String entityName) {
        super(statement, queryOptions, domainParameterXref, domainParameterBindings, loadQueryInfluencers,
                creationContext, false);
        this.columns = columns;
        this.entityName = entityName;
    }

    @Override
    public SqmTranslation<MutationStatement> translate() {
        SqmTranslation<MutationStatement> translation = super.translate();
        if (!(translation.getSqlAst() instanceof DeleteStatement delete)) {
            return translation;
        }
        NamedTableReference target = delete.getTargetTable();
        List<Assignment> assignments = new ArrayList<>(4);
        assign(assignments, target, columns.marker(), Value.INSTANT);
        assignments.add(new Assignment(
                new ColumnReference(target, columns.operation(), false, null, columns.operationType()),
                new MarkerParameter(columns.operationType(), Value.OPERATION, columns, entityName)));
        assign(assignments, target, columns.actor(), Value.ACTOR);
        assign(assignments, target, columns.reason(), Value.REASON);
        // always, whatever the visibility: a bulk delete never re-marks a row already deleted
        Predicate live = new NullnessPredicate(new ColumnReference(target, columns.marker()));
        UpdateStatement update = new UpdateStatement(delete, target, delete.getMutationTarget(),
                delete.getFromClause(), assignments, Predicate.combinePredicates(delete.getRestriction(), live),
                delete.getReturningColumns());
        return new StandardSqmTranslation<>(update, translation.getJdbcParamsBySqmParam(),
                translation.getSqmParameterMappingModelTypeResolutions(), translation.getSqlExpressionResolver(),
                translation.getFromClauseAccess());
    }

    private void assign(List<Assignment> assignments, NamedTableReference target, BasicValuedModelPart attribute,
            Value value) {
        if (attribute != null) {
            assignments.add(new Assignment(new ColumnReference(target, attribute),
                    new MarkerParameter(attribute.getJdbcMapping(), value, columns, entityName)));
        }
    }
}
