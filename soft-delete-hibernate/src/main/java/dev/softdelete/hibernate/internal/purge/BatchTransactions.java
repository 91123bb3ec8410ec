package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.internal.history.HistoryLog;
import dev.softdelete.hibernate.internal.history.OperationHistory;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.purge.PurgeStatements.Range;
import dev.softdelete.hibernate.internal.purge.PurgeStatements.TypedValue;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import jakarta.persistence.metamodel.Type;
import org.hibernate.PessimisticLockException;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The database work of one target's purge: the short reads that find where batches end, and each
 * batch as one short transaction, retried when it meets a lock conflict or a reference written
 * meanwhile. One stateless session serves the whole target; a batch is a transaction, not a session.
 */
final class BatchTransactions implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchTransactions.class);
    private static final int RETRIES = 3;

    /** What one batch did. */
    record Outcome(List<Object> ids, long rows, Range range) {
    }

    /** A range's DELETE would have taken more than a batch: rolled back, to be retried narrower. */
    static final class RangeTooWide extends RuntimeException {

        RangeTooWide() {
            super(null, null, false, false);
        }
    }

    private final Supplier<StatelessSession> sessions;
    private final PurgeTarget target;
    private final PurgeStatements statements;
    private final Instant cutoff;
    private final Instant now;
    private final int batchSize;
    private final boolean dryRun;
    private final boolean idsFirst;
    private final Class<?> idType;
    private final SoftDeleteService service;
    // one operation per target and run: the history entries of its batches share it
    private final long operation = ThreadLocalRandom.current().nextLong();
    private StatelessSession session;

    /**
     * @param idsFirst whether each batch reads (and locks) its ids before writing: for a listener, a dry
     *                 run's count, or dependent rows to delete before them
     */
    BatchTransactions(SessionFactoryImplementor factory, Supplier<StatelessSession> sessions, PurgeTarget target,
            Instant now, int batchSize, boolean dryRun, boolean idsFirst) {
        this.sessions = sessions;
        this.target = target;
        this.statements = new PurgeStatements(target, factory.getJdbcServices().getDialect().getForUpdateString(),
                dryRun);
        this.now = now;
        this.cutoff = target.retention().cutoff(now).orElseThrow();
        this.batchSize = batchSize;
        this.dryRun = dryRun;
        this.idsFirst = idsFirst;
        this.idType = target.entity().getIdentifierMapping().getJavaType().getJavaTypeClass();
        this.service = factory.getServiceRegistry().requireService(SoftDeleteService.class);
    }

    /** The ids of the next {@code batchSize} due rows after {@code after} (none: from the first). */
    List<Object> readDue(Object after) {
        return inTransaction(false, () -> selectDue(after, 0, batchSize));
    }

    /** The lowest and highest due id, or null when no row is due. */
    long[] readDueIdBounds() {
        return inTransaction(false, this::dueIdBounds);
    }

    private long[] dueIdBounds() {
        String id = target.idColumn();
        NativeQuery<Object[]> query = session().createNativeQuery("select min(" + id + "), max(" + id + ") from "
                + target.table() + " where " + target.markerColumn() + " < ?", Object[].class);
        bind(query, 1, statements.dueParameters(cutoff, null).get(0));
        List<?> found = query.list();
        Object[] row = (Object[]) found.get(0);
        return row[0] == null ? null : new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /**
     * Runs one batch in its own transaction, retried when another instance purges the same range, the
     * database picks it as a deadlock victim, or a row came to reference one of its rows after its
     * statement read the references: the batch is idempotent, and a retry reads them again.
     *
     * @param narrowIfWide whether a DELETE of more than {@code batchSize} rows in a known range is rolled
     *                     back with {@link RangeTooWide} (the ranges of the plain run are guessed)
     */
    Outcome run(Object after, Range range, boolean narrowIfWide) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(!dryRun, () -> runBatch(after, range, narrowIfWide));
            }
            catch (PessimisticLockException | ConstraintViolationException e) {
                if (attempt == RETRIES) {
                    throw e;
                }
                LOG.debugf("Purge of %s: %s after id %s, retrying (%s)", target.entity().getEntityName(),
                        e instanceof PessimisticLockException ? "lock conflict" : "new reference", after, e.getMessage());
            }
        }
    }

    /**
     * The work of one batch's transaction. Without a range yet, it first reads the key that closes it
     * (the batchSize-th due id; none when fewer are left, and the range runs to the end). The rows are
     * locked and their ids read first where something needs them: a listener, a dry run's count, or
     * dependent rows to delete before them (so that a restore cannot slip in between). Otherwise the
     * DELETE alone locks, re-checks and counts its rows.
     */
    private Outcome runBatch(Object after, Range known, boolean narrowIfWide) {
        Range range = known;
        if (range == null) {
            List<Object> closing = selectDue(after, batchSize - 1, 1);
            range = new Range(after, closing.isEmpty() ? null : closing.get(0));
        }
        SharedSessionContractImplementor jdbc = (SharedSessionContractImplementor) session();
        List<Object> ids = List.of();
        long count;
        if (idsFirst) {
            ids = Mutations.selectColumn(jdbc, statements.selectIds(range, !dryRun), binds(jdbc, range),
                    target.entity().getIdentifierMapping().getSingleJdbcMapping());
            count = ids.size();
            if (!dryRun && !ids.isEmpty()) {
                count = target.anonymizes() ? anonymize(jdbc, range) : delete(jdbc, range);
            }
        }
        else {
            count = delete(jdbc, range);
            if (narrowIfWide && known != null && count > batchSize) {
                throw new RangeTooWide();
            }
        }
        if (!dryRun && count > 0) {
            // cached query results over the table (a trash page's count, say) would go on holding the rows
            CacheCleanup.afterWriting(jdbc, target.entity());
        }
        if (!dryRun && count > 0 && service.history().enabled()) {
            HistoryLog.record(jdbc, service, new OperationHistory(operation, now, service.currentActor(), null)
                    .root(HistoryEntry.Kind.PURGE, target.entity(), null, count).entries());
        }
        LOG.tracef("Purge of %s: %d rows in %s", target.entity().getEntityName(), count, range.describe());
        return new Outcome(ids, count, range);
    }

    private long delete(SharedSessionContractImplementor jdbc, Range range) {
        for (KeyedTable dependent : target.dependents()) {
            Mutations.executeUpdate(jdbc, statements.deleteDependent(dependent, range), binds(jdbc, range));
        }
        return Mutations.executeUpdate(jdbc, statements.delete(range), binds(jdbc, range));
    }

    private long anonymize(SharedSessionContractImplementor jdbc, Range range) {
        Binds binds = statements.anonymizeBinds(jdbc).addAll(binds(jdbc, range));
        return Mutations.executeUpdate(jdbc, statements.anonymize(range), binds);
    }

    private Binds binds(SharedSessionContractImplementor jdbc, Range range) {
        return statements.batchBinds(jdbc, range, cutoff, now);
    }

    /**
     * Ids of due rows above {@code after}, in id order: native SQL, which no visibility rule rewrites
     * and which Hibernate limits in the dialect's syntax.
     */
    private List<Object> selectDue(Object after, int skip, int limit) {
        NativeQuery<?> query = session().createNativeQuery(statements.selectDue(after != null), idType)
                .setFirstResult(skip).setMaxResults(limit);
        List<TypedValue> parameters = statements.dueParameters(cutoff, after);
        for (int i = 0; i < parameters.size(); i++) {
            bind(query, i + 1, parameters.get(i));
        }
        return List.copyOf(query.list());
    }

    /**
     * Binds by the attribute's own mapping, so that a converted value (say, an encrypted column)
     * compares as stored, as in the typed statements of the batch.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(NativeQuery<?> query, int position, TypedValue parameter) {
        if (parameter.type() instanceof Type type) {
            query.setParameter(position, parameter.value(), type);
        }
        else {
            query.setParameter(position, parameter.value());
        }
    }

    /**
     * One session for the whole target: a batch is a transaction, not a session. A stateless one: the
     * batches send only their own SQL, and a stateful session's commit would run the flush machinery for
     * nothing on every batch (measured: about 4 % of a PostgreSQL purge at batch 10,000, docs/benchmarks.md).
     */
    private StatelessSession session() {
        if (session == null) {
            session = sessions.get();
        }
        return session;
    }

    private <T> T inTransaction(boolean commit, Supplier<T> work) {
        Transaction tx = session().beginTransaction();
        try {
            T result = work.get();
            if (commit) {
                tx.commit();
            }
            else {
                tx.rollback();
            }
            return result;
        }
        catch (RuntimeException e) {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
            catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure); // a lost connection fails the rollback too; the cause comes first
            }
            finally {
                discardSession();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        discardSession();
    }

    /** After a failed statement Hibernate wants a session discarded; the next transaction opens another. */
    private void discardSession() {
        if (session != null) {
            StatelessSession closing = session;
            session = null;
            closing.close();
        }
    }
}
