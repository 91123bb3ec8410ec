package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import org.hibernate.HibernateException;
import org.hibernate.PessimisticLockException;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Purges one target in key-range batches: a short read selects the next ids past the last batch, then
 * one transaction locks the rows of that range that are still due, deletes (or anonymises) them with
 * their dependent rows, and commits. Instances running concurrently lock the same rows in the same
 * order, so one waits for the other and then finds nothing left: counts come from the statements.
 */
final class TargetPurge {

    private static final Logger LOG = Logger.getLogger(TargetPurge.class);
    private static final int LOCK_ATTEMPTS = 3;
    private static final int PROGRESS_EVERY = 10;

    /** What one batch did. */
    private record Outcome(List<Object> ids, long rows) {
    }

    private final SessionFactoryImplementor factory;
    private final PurgeTarget target;
    private final PurgeStatements statements;
    private final Instant cutoff;
    private final Instant now;
    private final int batchSize;
    private final boolean dryRun;
    private final PurgeListener listener;
    private int batches;
    private long rows;

    TargetPurge(SessionFactoryImplementor factory, PurgeTarget target, Instant now, int batchSize, boolean dryRun,
            PurgeListener listener) {
        this.factory = factory;
        this.target = target;
        this.statements = new PurgeStatements(target, factory.getJdbcServices().getDialect().getForUpdateString());
        this.now = now;
        this.cutoff = target.retention().cutoff(now).orElseThrow();
        this.batchSize = batchSize;
        this.dryRun = dryRun;
        this.listener = listener;
    }

    int batches() {
        return batches;
    }

    long rows() {
        return rows;
    }

    void run() {
        Object last = null;
        while (true) {
            List<Object> selected = selectNext(last);
            if (selected.isEmpty()) {
                return;
            }
            int number = batches + 1;
            Object first = selected.get(0);
            Object end = selected.get(selected.size() - 1);
            Outcome outcome;
            try {
                listener.beforeBatch(batch(number, selected, selected.size()));
                outcome = runWithRetry(first, end);
            }
            catch (RuntimeException e) {
                throw failure(number, first, end, "failed; nothing of this batch was changed", e);
            }
            batches = number;
            rows += outcome.rows();
            try {
                listener.batchDone(batch(number, outcome.ids(), outcome.rows()));
            }
            catch (RuntimeException e) {
                throw failure(number, first, end, "was committed, then its listener failed", e);
            }
            if (number % PROGRESS_EVERY == 0) {
                LOG.debugf("Purge of %s: %d batches, %d rows so far", target.entity().getEntityName(), number, rows);
            }
            if (selected.size() < batchSize) {
                return;
            }
            last = end;
        }
    }

    private PurgeBatch batch(int number, List<Object> ids, long count) {
        return new PurgeBatch(target.entityClass(), number, ids, count, cutoff, target.anonymizes(), dryRun);
    }

    private HibernateException failure(int number, Object first, Object last, String what, RuntimeException cause) {
        return new HibernateException("softdelete purge of " + target.entity().getEntityName() + ": batch " + number
                + " (ids " + first + " to " + last + ", deleted before " + cutoff + ") " + what + ": "
                + cause.getMessage() + ". The " + (number - 1) + " batches before it (" + rows
                + " rows) and the entities purged earlier are committed; fix the cause and run the purge again"
                + " to continue", cause);
    }

    /** The ids of the next batch, in id order, read in their own short transaction. */
    private List<Object> selectNext(Object last) {
        String id = target.entity().getIdentifierMapping().getAttributeName();
        StringBuilder hql = new StringBuilder("select e.").append(id).append(" from ")
                .append(target.entity().getEntityName()).append(" e where e.")
                .append(target.markers().marker().getPartName()).append(" < :cutoff");
        if (last != null) {
            hql.append(" and e.").append(id).append(" > :last");
        }
        for (int i = 0; i < target.anonymized().size(); i++) {
            AnonymizedColumn column = target.anonymized().get(i);
            String path = "e." + column.attribute().getPartName();
            hql.append(i == 0 ? " and (" : " or ").append(column.replacement() == null
                    ? path + " is not null" : path + " is null or " + path + " <> :r" + i);
        }
        hql.append(target.anonymizes() ? ")" : "").append(" order by e.").append(id);
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            try (SoftDeleteScope all = SoftDeleteSession.wrap(session).unfiltered()) {
                SelectionQuery<Object> query = session.createSelectionQuery(hql.toString(), Object.class)
                        .setParameter("cutoff", target.markers().markerValue(cutoff))
                        .setMaxResults(batchSize);
                if (last != null) {
                    query.setParameter("last", last);
                }
                for (int i = 0; i < target.anonymized().size(); i++) {
                    if (target.anonymized().get(i).replacement() != null) {
                        query.setParameter("r" + i, target.anonymized().get(i).replacement());
                    }
                }
                return query.list();
            }
            finally {
                tx.rollback();
            }
        }
    }

    private Outcome runWithRetry(Object first, Object last) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runBatch(first, last);
            }
            catch (PessimisticLockException e) {
                // another instance purging the same range, or a deadlock victim: the batch is idempotent
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Purge of %s: lock conflict on ids %s to %s, retrying (%s)",
                        target.entity().getEntityName(), first, last, e.getMessage());
            }
        }
    }

    private Outcome runBatch(Object first, Object last) {
        try (Session session = factory.openSession()) {
            SharedSessionContractImplementor jdbc = (SharedSessionContractImplementor) session;
            Transaction tx = session.beginTransaction();
            try {
                List<Object> ids = Mutations.selectColumn(jdbc, statements.selectIds(!dryRun), binds(jdbc, first, last),
                        target.entity().getIdentifierMapping().getSingleJdbcMapping());
                long count = ids.size();
                if (!dryRun && !ids.isEmpty()) {
                    count = target.anonymizes() ? anonymize(jdbc, first, last) : delete(jdbc, first, last);
                }
                if (dryRun) {
                    tx.rollback();
                }
                else {
                    tx.commit();
                }
                LOG.tracef("Purge of %s: %d rows in ids %s to %s", target.entity().getEntityName(), count, first, last);
                return new Outcome(ids, count);
            }
            catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    private long delete(SharedSessionContractImplementor jdbc, Object first, Object last) {
        for (KeyedTable dependent : target.dependents()) {
            Mutations.executeUpdate(jdbc, statements.deleteDependent(dependent), binds(jdbc, first, last));
        }
        return Mutations.executeUpdate(jdbc, statements.delete(), binds(jdbc, first, last));
    }

    private long anonymize(SharedSessionContractImplementor jdbc, Object first, Object last) {
        Binds binds = statements.anonymizeBinds(jdbc).addAll(binds(jdbc, first, last));
        return Mutations.executeUpdate(jdbc, statements.anonymize(), binds);
    }

    private Binds binds(SharedSessionContractImplementor jdbc, Object first, Object last) {
        return statements.batchBinds(jdbc, first, last, cutoff, now);
    }
}
