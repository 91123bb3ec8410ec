package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.read.CollectionSubqueryTranslator;
import dev.softdelete.hibernate.internal.read.MarkerAuxiliaryMapping;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Installed as Hibernate's SQM translator factory: bulk deletes of soft-deletable entities become
 * marker UPDATEs, selects restrict the collection subqueries of {@code size()} and {@code member of};
 * everything else is translated by the dialect's factory or the standard one.
 */
public final class SoftDeleteSqmTranslatorFactory implements SqmTranslatorFactory {

    private static final SqmTranslatorFactory STANDARD = new StandardSqmTranslatorFactory();

    private static SqmTranslatorFactory delegate(SqlAstCreationContext context) {
        SqmTranslatorFactory dialectFactory = context.getDialect().getSqmTranslatorFactory();
        return dialectFactory != null ? dialectFactory : STANDARD;
    }

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
        if (creationContext.getDialect().getSqmTranslatorFactory() == null) {
            return new CollectionSubqueryTranslator(statement, queryOptions, domainParameterXref,
                    domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems);
        }
        // a dialect's own translator is kept; size() and member of then count hidden elements (guide, §3)
        return delegate(creationContext).createSelectTranslator(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems);
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext) {
        if (statement instanceof SqmDeleteStatement<?> delete) {
            EntityPersister persister = creationContext.getMappingMetamodel()
                    .getEntityDescriptor(delete.getTarget().getEntityName());
            if (persister.getAuxiliaryMapping() instanceof MarkerAuxiliaryMapping marker) {
                return new SoftDeleteSqmTranslator(delete, queryOptions, domainParameterXref,
                        domainParameterBindings, loadQueryInfluencers, creationContext,
                        MarkerColumns.of(persister, marker.type()), persister.getEntityName());
            }
        }
        return delegate(creationContext).createMutationTranslator(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext);
    }
}
