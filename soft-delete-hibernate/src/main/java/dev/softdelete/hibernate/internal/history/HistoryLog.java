package dev.softdelete.hibernate.internal.history;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.type.spi.TypeConfiguration;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * Where an operation's history entries go: the history table, with one INSERT of all of them in the
 * operation's own transaction (so a rollback takes them back), and the listener, which receives the
 * transaction's entries after it committed.
 */
public final class HistoryLog {

    private static final Logger LOG = Logger.getLogger(HistoryLog.class);

    private HistoryLog() {
    }

    /** Records one operation's entries; nothing when no history is configured. */
    public static void record(SharedSessionContractImplementor session, SoftDeleteService service,
            List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (service.history().table()) {
            insert(session, HistoryTable.sqlName(session, service), entries);
        }
        HistoryListener listener = service.history().listener();
        if (listener != null) {
            SessionState state = service.stateOf(session);
            if (state.addHistory(entries)) {
                session.getTransactionCompletionCallbacks().registerCallback(
                        (AfterCompletionCallback) (success, completing) -> notify(listener, state.takeHistory(), success));
            }
        }
    }

    private static void notify(HistoryListener listener, List<HistoryEntry> entries, boolean committed) {
        if (!committed || entries.isEmpty()) {
            return;
        }
        try {
            listener.afterCommit(entries);
        }
        catch (RuntimeException e) {
            // the transaction has committed: the listener can no longer change its outcome
            LOG.warnf(e, "softdelete: the HistoryListener %s failed on %d entries after commit",
                    listener.getClass().getName(), entries.size());
        }
    }

    private static void insert(SharedSessionContractImplementor session, String table, List<HistoryEntry> entries) {
        TypeConfiguration types = session.getTypeConfiguration();
        StringJoiner rows = new StringJoiner(", ");
        Binds binds = new Binds();
        String tenant = HistoryTenant.writtenBy(session);
        for (HistoryEntry entry : entries) {
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            binds.add(types.getBasicTypeForJavaType(Long.class), entry.entryId())
                    .add(types.getBasicTypeForJavaType(Long.class), entry.operation())
                    .add(types.getBasicTypeForJavaType(String.class), entry.kind().name())
                    .add(types.getBasicTypeForJavaType(String.class), entry.entityName())
                    .add(types.getBasicTypeForJavaType(String.class), entry.entityId())
                    .add(types.getBasicTypeForJavaType(Long.class), entry.rows())
                    .add(types.getBasicTypeForJavaType(Instant.class), entry.at())
                    .add(types.getBasicTypeForJavaType(String.class), entry.actor())
                    .add(types.getBasicTypeForJavaType(String.class), entry.reason())
                    // a purge covers every tenant's rows, whatever tenant its sessions were opened with
                    .add(types.getBasicTypeForJavaType(String.class),
                            entry.kind() == HistoryEntry.Kind.PURGE ? null : tenant);
        }
        Mutations.executeUpdate(session, "insert into " + table + " (" + HistoryTable.columnList()
                + ") values " + rows, binds);
    }
}
