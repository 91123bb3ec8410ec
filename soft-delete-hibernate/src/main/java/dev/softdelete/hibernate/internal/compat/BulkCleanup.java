package dev.softdelete.hibernate.internal.compat;

import org.hibernate.action.internal.BulkOperationCleanupAction;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The cleanup Hibernate schedules after its own bulk statements. Why internal: it evicts the entity's
 * region and invalidates query-cache spaces now and again at transaction completion, in the order the
 * cache providers expect; no SPI offers it.
 */
public final class BulkCleanup {

    private BulkCleanup() {
    }

    public static void schedule(SharedSessionContractImplementor session, EntityPersister persister) {
        BulkOperationCleanupAction.schedule(session, persister);
    }
}
