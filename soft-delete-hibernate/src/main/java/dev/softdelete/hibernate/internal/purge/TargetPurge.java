package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.purge.PurgeStatements.Range;
import dev.softdelete.hibernate.internal.purge.PurgeStatements.TypedValue;
import jakarta.persistence.metamodel.Type;
import org.hibernate.PessimisticLockException;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Purges one target in key-range batches: a short read finds the key that closes the next batch (or
 * all its ids, when a listener or a dry run wants them), then one transaction deletes (or anonymises)
 * the rows of that range that are still due, with their dependent rows, and commits. Instances
 * running concurrently lock the same rows in the same order, so one waits for the other and then
 * finds nothing left: counts come from the statements.
 */
final class TargetPurge {

    private static final Logger LOG = Logger.getLogger(TargetPurge.class);
    private static final int RETRIES = 3;
    private static final int PROGRESS_EVERY = 10;

    /** What one batch did. */
    private record Outcome(List<Object> ids, long rows, Range range) {
    }

    private final SessionFactoryImplementor factory;
    private final PurgeTarget target;
    private final PurgeStatements statements;
    private final Instant cutoff;
    private final Instant now;
    private final int batchSize;
    private final boolean dryRun;
    private final PurgeListener listener;
    private final boolean idsNeeded;
    private final Class<?> idType;
    private final boolean byWidth;
    private Session session;
    private int batches;
    private long rows;

    /** @param listener the run's listener, or null when it has none */
    TargetPurge(SessionFactoryImplementor factory, PurgeTarget target, Instant now, int batchSize, boolean dryRun,
            PurgeListener listener) {
        this.factory = factory;
        this.target = target;
        this.statements = new PurgeStatements(target, factory.getJdbcServices().getDialect().getForUpdateString(),
                dryRun);
        this.now = now;
        this.cutoff = target.retention().cutoff(now).orElseThrow();
        this.batchSize = batchSize;
        this.dryRun = dryRun;
        this.listener = listener;
        // the ids travel only to be handed out or counted; a plain run closes each batch by one key
        this.idsNeeded = listener != null || dryRun || target.anonymizes();
        this.idType = target.entity().getIdentifierMapping().getJavaType().getJavaTypeClass();
        this.byWidth = !idsNeeded && target.dependents().isEmpty() && (idType == Long.class || idType == Integer.class);
    }

    int batches() {
        return batches;
    }

    long rows() {
        return rows;
    }

    void run() {
        try {
            if (byWidth) {
                runByWidth();
            }
            else {
                runByKeys();
            }
        }
        finally {
            discardSession();
        }
    }

    /** Each batch's range ends at a key read for it (with all its ids where they are needed). */
    private void runByKeys() {
        Object after = null;
        while (true) {
            int number = batches + 1;
            List<Object> selected = null;
            Range range = null;
            if (idsNeeded) {
                Object from = after;
                selected = inTransaction(false, () -> selectDue(from, 0, batchSize));
                if (selected.isEmpty()) {
                    return;
                }
                range = new Range(after, selected.get(selected.size() - 1));
            }
            String ids = selected != null ? "ids " + selected.get(0) + " to " + range.upTo() : nextDueIds(after);
            Outcome outcome;
            try {
                if (listener != null) {
                    listener.beforeBatch(batch(number, selected, selected.size()));
                }
                outcome = runWithRetry(after, range);
            }
            catch (RuntimeException e) {
                throw failure(number, ids, "failed; nothing of this batch was changed", e);
            }
            boolean last = selected != null ? selected.size() < batchSize : outcome.range().upTo() == null;
            if (selected == null && last && outcome.rows() == 0) {
                return; // the rows after the last full batch: there were none
            }
            counted(number, outcome.rows());
            if (listener != null) {
                try {
                    listener.batchDone(batch(number, outcome.ids(), outcome.rows()));
                }
                catch (RuntimeException e) {
                    throw failure(number, ids, "was committed, then its listener failed", e);
                }
            }
            if (last) {
                return;
            }
            after = outcome.range().upTo();
        }
    }

    /** A batch whose range ends at a key not read yet, for messages. */
    private String nextDueIds(Object after) {
        return after == null ? "the first " + batchSize + " due ids" : "the " + batchSize + " due ids after " + after;
    }

    private void counted(int number, long deleted) {
        batches = number;
        rows += deleted;
        if (number % PROGRESS_EVERY == 0) {
            LOG.debugf("Purge of %s: %d batches, %d rows so far", target.entity().getEntityName(), number, rows);
        }
    }

    /** A range's DELETE would have taken more than a batch: rolled back, to be retried narrower. */
    private static final class RangeTooWide extends RuntimeException {

        RangeTooWide() {
            super(null, null, false, false);
        }
    }

    /**
     * The plain run (no listener, no dry run, no dependent rows) over an integral id. The first batch
     * is closed by a key read; after that each range is as wide as the density of the last one says
     * {@code batchSize} rows need, so a batch is one DELETE and a commit, unless that is more than
     * twice {@code batchSize} ids (sparse due rows): then the next closing key is read again. A DELETE
     * that would take more than {@code batchSize} rows (at most twice that, ids being unique) is rolled
     * back and retried on half the range. Every DELETE re-checks the cutoff, so a range never takes a
     * row that is not due, however wide it is.
     */
    private void runByWidth() {
        long[] bounds = inTransaction(false, this::dueIdBounds);
        if (bounds == null) {
            return;
        }
        long spread = bounds[1] - bounds[0];
        if (bounds[0] == Long.MIN_VALUE || spread < 0 || spread == Long.MAX_VALUE) {
            runByKeys(); // ids so far apart that their differences overflow: no arithmetic on them
            return;
        }
        long below = bounds[0] - 1;
        long width = 0; // unknown until the first batch
        while (below < bounds[1]) {
            int number = batches + 1;
            Range range = width == 0 ? null : new Range(id(below), id(below + Math.min(width, bounds[1] - below)));
            Object after = below < bounds[0] ? null : id(below);
            String ids = range != null ? range.describe() : nextDueIds(after);
            Outcome outcome;
            try {
                outcome = runWithRetry(after, range);
            }
            catch (RangeTooWide e) {
                width = Math.max(1, width / 2);
                continue;
            }
            catch (RuntimeException e) {
                throw failure(number, ids, "failed; nothing of this batch was changed", e);
            }
            long upTo = outcome.range().upTo() == null ? bounds[1] : ((Number) outcome.range().upTo()).longValue();
            // the next range: as many ids as held batchSize * 0.9 rows in this one (twice as many if it held
            // none); wider than two batches of ids, a wrong guess could make a DELETE of that many rows to
            // roll back, so the closing key is read instead
            double span = upTo - below;
            width = Math.max(1, outcome.rows() == 0 ? (long) span * 2 : Math.round(span * batchSize * 0.9 / outcome.rows()));
            if (width > 2L * batchSize) {
                width = 0;
            }
            below = upTo;
            if (outcome.rows() > 0) {
                counted(number, outcome.rows());
            }
        }
    }

    /** The lowest and highest due id, or null when no row is due. */
    private long[] dueIdBounds() {
        String id = target.idColumn();
        NativeQuery<Object[]> query = session().createNativeQuery("select min(" + id + "), max(" + id + ") from "
                + target.table() + " where " + target.markerColumn() + " < ?", Object[].class);
        bind(query, 1, statements.dueParameters(cutoff, null).get(0));
        List<?> found = query.list();
        Object[] row = (Object[]) found.get(0);
        return row[0] == null ? null : new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private Object id(long value) {
        return idType == Integer.class ? (Object) Math.toIntExact(value) : (Object) value;
    }

    private PurgeBatch batch(int number, List<Object> ids, long count) {
        return new PurgeBatch(target.entityClass(), number, ids, count, cutoff, target.anonymizes(), dryRun);
    }

    private BatchFailure failure(int number, String ids, String what, RuntimeException cause) {
        return new BatchFailure(number, "softdelete purge of " + target.entity().getEntityName() + ": batch " + number
                + " (" + ids + ", deleted before " + cutoff + ") " + what + ": "
                + cause.getMessage() + ". The " + (number - 1) + " batches before it (" + rows
                + " rows) and the entities purged earlier are committed; fix the cause and run the purge again"
                + " to continue", cause);
    }

    /** A batch that could not complete: the run stops, reporting what was committed. */
    static final class BatchFailure extends RuntimeException {

        private final int batch;

        BatchFailure(int batch, String message, RuntimeException cause) {
            super(message, cause);
            this.batch = batch;
        }

        int batch() {
            return batch;
        }
    }

    /** One session for the whole target: a batch is a transaction, not a session. */
    private Session session() {
        if (session == null) {
            session = factory.openSession();
        }
        return session;
    }

    /** After a failed statement Hibernate wants a session discarded; the next transaction opens another. */
    private void discardSession() {
        if (session != null) {
            Session closing = session;
            session = null;
            closing.close();
        }
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

    private Outcome runWithRetry(Object after, Range range) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(!dryRun, () -> runBatch(after, range));
            }
            catch (PessimisticLockException | ConstraintViolationException e) {
                // another instance purging the same range, a deadlock victim, or a row that came to reference
                // one of the batch's rows after the statement read its references: the batch is idempotent,
                // and a retry reads the references again
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
    private Outcome runBatch(Object after, Range known) {
        Range range = known;
        if (range == null) {
            List<Object> closing = selectDue(after, batchSize - 1, 1);
            range = new Range(after, closing.isEmpty() ? null : closing.get(0));
        }
        SharedSessionContractImplementor jdbc = (SharedSessionContractImplementor) session();
        List<Object> ids = List.of();
        long count;
        if (idsNeeded || !target.dependents().isEmpty()) {
            ids = Mutations.selectColumn(jdbc, statements.selectIds(range, !dryRun), binds(jdbc, range),
                    target.entity().getIdentifierMapping().getSingleJdbcMapping());
            count = ids.size();
            if (!dryRun && !ids.isEmpty()) {
                count = target.anonymizes() ? anonymize(jdbc, range) : delete(jdbc, range);
            }
        }
        else {
            count = delete(jdbc, range);
            if (byWidth && known != null && count > batchSize) {
                throw new RangeTooWide();
            }
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
}
