package dev.softdelete.hibernate.internal.delete;

import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.sqm.mutation.internal.SqmMultiTableMutationStrategyProviderStandard;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;

/**
 * Hibernate's multi-table strategy provider, with every mutation strategy wrapped in a
 * {@link MultiTableDeleteGuard}.
 */
public final class GuardedMutationStrategyProvider implements SqmMultiTableMutationStrategyProvider {

    private final SqmMultiTableMutationStrategyProvider standard = new SqmMultiTableMutationStrategyProviderStandard();

    @Override
    public SqmMultiTableMutationStrategy createMutationStrategy(EntityMappingType root,
            MappingModelCreationProcess process) {
        SqmMultiTableMutationStrategy strategy = standard.createMutationStrategy(root, process);
        return strategy == null ? null : new MultiTableDeleteGuard(strategy, root);
    }

    @Override
    public SqmMultiTableInsertStrategy createInsertStrategy(EntityMappingType root,
            MappingModelCreationProcess process) {
        return standard.createInsertStrategy(root, process);
    }
}
