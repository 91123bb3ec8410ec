package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.DeleteDeniedException;
import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.Impact.Refusal;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.impact.DeleteImpact;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import dev.softdelete.hibernate.internal.scope.SessionState.BulkCascade;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Runs the cascades of the bulk deletes executed since the last flush. Hibernate offers no hook after
 * a bulk statement, so the statement registers its cascade when its instant is bound, and the next
 * flush or auto-flush (before a query, at commit) runs it: set-based, from the rows carrying that
 * instant. A session in {@code FlushMode.MANUAL} may commit without flushing, so the statement also
 * registers a before-commit callback that runs what no flush has run. A bulk delete that failed
 * marked nothing, so its cascade finds nothing to do. An {@code @OnSoftDelete(DENY)} association on
 * the marked rows or on the cascade's paths is checked here, before the cascade: a refusal marks the
 * transaction for rollback, which takes back the bulk UPDATE itself.
 */
public final class BulkDeleteCascades {

    private BulkDeleteCascades() {
    }

    /** Runs the pending cascades of the session, if any. */
    public static void run(SharedSessionContractImplementor session, SoftDeleteService service) {
        if (!service.hasSeenBulkCascades()) {
            return; // no bulk delete with a cascade ran in this factory: no session lookup at all
        }
        SessionState state = service.existingStateOf(session);
        if (state == null) {
            return; // most flushes: the session never deleted anything
        }
        for (BulkCascade cascade : state.takeBulkCascades()) {
            EntityPersister type = session.getFactory().getMappingMetamodel().getEntityDescriptor(cascade.entityName());
            CascadeRunner runner = new CascadeRunner(session, service);
            if (service.cascadePlans().mayDeny(type)) {
                Refusal refusal = new DeleteImpact(session, service)
                        .firstRefusal(runner.markedBy(type, cascade.request()), !session.isStateless());
                if (refusal != null) {
                    // the bulk UPDATE has run: only the transaction's rollback takes it back
                    session.markForRollbackOnly();
                    throw new DeleteDeniedException("a bulk delete of " + type.getEntityName(), refusal);
                }
            }
            OperationHistory history = null;
            if (service.history().enabled()) {
                DeleteRequest request = cascade.request();
                history = new OperationHistory(request.operation(), cascade.instant(), request.actor(), request.reason())
                        .root(HistoryEntry.Kind.DELETE, type, null, runner.countMarked(type, request));
            }
            if (!session.isStateless()) {
                runner.recordingInto(history).softDeleteFromMarked(type, cascade.instant(), cascade.request());
            }
            if (history != null) {
                HistoryLog.record(session, service, history.entries());
            }
        }
    }
}
