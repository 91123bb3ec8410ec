package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.cascade.RequestLimits;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.BulkCascade;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.exec.internal.AbstractJdbcParameter;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A parameter of the UPDATE that a bulk delete becomes, whose value is read from the session when
 * the statement runs: the clock's instant, the actor, or the reason in effect. Reading it at bind
 * time is what lets Hibernate cache the plan of the statement.
 */
final class MarkerParameter extends AbstractJdbcParameter {

    /** What the parameter carries; INSTANT comes first in the statement and starts its delete operation. */
    enum Value { INSTANT, OPERATION, ACTOR, REASON }

    private final Value value;
    private final MarkerColumns columns;
    private final String entityName;

    MarkerParameter(JdbcMapping column, Value value, MarkerColumns columns, String entityName) {
        super(column);
        this.value = value;
        this.columns = columns;
        this.entityName = entityName;
    }

    @Override
    public void bindParameterValue(PreparedStatement statement, int startPosition,
            JdbcParameterBindings bindings, ExecutionContext executionContext) throws SQLException {
        SharedSessionContractImplementor session = executionContext.getSession();
        SoftDeleteService service = session.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        SessionState state = service.stateOf(session);
        Object domainValue = switch (value) {
            case INSTANT -> {
                Instant now = service.now();
                DeleteRequest request = DeleteRequest.of(service.currentActor(), state.currentReason());
                // the first parameter bound: the statement has not run yet
                RequestLimits.check(request, entityName, columns, service.cascadePlans().of(persister(session)));
                state.beginBulkDelete(request);
                EntityPersister persister = persister(session);
                // Hibernate invalidates the cached queries over the table for a stateful session only
                CacheCleanup.invalidateQueriesOfStatelessWrite(session, persister);
                boolean cascades = !session.isStateless() && !service.cascadePlans().stepsFromRowsOf(persister).isEmpty();
                if (cascades || service.cascadePlans().mayDeny(persister) || service.history().enabled()) {
                    // the statement runs right after binding; its cascade (its DENY check, its history) runs at the
                    // next flush, query or commit
                    service.noteBulkCascades();
                    state.addBulkCascade(new BulkCascade(entityName, now, request));
                    session.getTransactionCompletionCallbacks().registerCallback(
                            (BeforeCompletionCallback) committing -> BulkDeleteCascades.run(committing, service));
                }
                yield columns.markerValue(now);
            }
            case OPERATION -> state.bulkDelete().operation();
            case ACTOR -> state.bulkDelete().actor();
            case REASON -> state.bulkDelete().reason();
        };
        Object jdbcValue = getJdbcMapping().convertToRelationalValue(domainValue);
        bindParameterValue(getJdbcMapping(), statement, jdbcValue, startPosition, executionContext);
    }

    private EntityPersister persister(SharedSessionContractImplementor session) {
        return session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName);
    }
}
