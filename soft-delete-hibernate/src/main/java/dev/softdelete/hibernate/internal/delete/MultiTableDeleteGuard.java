package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.read.MarkerAuxiliaryMapping;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.spi.MultiTableHandlerBuildResult;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;

/**
 * Wraps the multi-table mutation strategy of a JOINED or TABLE_PER_CLASS hierarchy. Hibernate would
 * run a bulk delete of such a hierarchy as physical DELETEs on every table; for a soft-deletable
 * one this refuses it before any SQL runs, so no row is ever lost that way.
 */
final class MultiTableDeleteGuard implements SqmMultiTableMutationStrategy {

    private final SqmMultiTableMutationStrategy delegate;
    private final EntityMappingType root;

    MultiTableDeleteGuard(SqmMultiTableMutationStrategy delegate, EntityMappingType root) {
        this.delegate = delegate;
        this.root = root;
    }

    @Override
    public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess connectionAccess) {
        delegate.prepare(process, connectionAccess);
    }

    @Override
    public void prepare(MappingModelCreationProcess process) {
        delegate.prepare(process);
    }

    @Override
    public void release(SessionFactoryImplementor sessionFactory, JdbcConnectionAccess connectionAccess) {
        delegate.release(sessionFactory, connectionAccess);
    }

    @Override
    public MultiTableHandlerBuildResult buildHandler(SqmDeleteOrUpdateStatement<?> statement,
            DomainParameterXref domainParameterXref, DomainQueryExecutionContext context) {
        if (statement instanceof SqmDeleteStatement<?> delete
                && root.getAuxiliaryMapping() instanceof MarkerAuxiliaryMapping) {
            throw new UnsupportedOperationException("softdelete: bulk 'delete from "
                    + delete.getTarget().getEntityName() + "' is not supported for the multi-table hierarchy of "
                    + root.getEntityName() + " (JOINED or TABLE_PER_CLASS) yet: Hibernate would DELETE the rows."
                    + " Remove the entities with remove(), or mark them with a bulk update of the marker attribute."
                    + " Nothing was changed.");
        }
        return delegate.buildHandler(statement, domainParameterXref, context);
    }
}
