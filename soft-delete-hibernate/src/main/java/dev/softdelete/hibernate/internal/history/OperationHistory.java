package dev.softdelete.hibernate.internal.history;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryEntry.Kind;
import org.hibernate.persister.entity.EntityPersister;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The entries of one operation: its root, and the rows per entity that its cascade (or erase) reached,
 * summed over the associations that lead to the same entity.
 */
public final class OperationHistory {

    private final long operation;
    private final Instant at;
    private final String actor;
    private final String reason;
    // random rather than counted (ids must not repeat across sessions, JVMs and restarts); an operation's
    // entries take the ids that follow, so that they sort in the order they were written
    private final long firstEntryId = ThreadLocalRandom.current().nextLong(0, Long.MAX_VALUE - Integer.MAX_VALUE);
    private final List<HistoryEntry> roots = new ArrayList<>();
    private final Map<String, Long> reached = new LinkedHashMap<>();
    private Kind reachedKind;

    public OperationHistory(long operation, Instant at, String actor, String reason) {
        this.operation = operation;
        this.at = at;
        this.actor = actor;
        this.reason = reason;
    }

    /** The root of the operation: one row by id, or (with a null id) a count of rows. */
    public OperationHistory root(Kind kind, EntityPersister type, Object id, long rows) {
        roots.add(entry(roots.size(), kind, type.getEntityName(), id == null ? null : id.toString(), rows));
        return this;
    }

    /** Rows of a type that the operation reached beyond its root. */
    public void reached(Kind kind, EntityPersister type, long rows) {
        if (rows > 0) {
            reachedKind = kind;
            reached.merge(type.getEntityName(), rows, Long::sum);
        }
    }

    public List<HistoryEntry> entries() {
        List<HistoryEntry> entries = new ArrayList<>(roots);
        reached.forEach((entity, rows) -> entries.add(entry(entries.size(), reachedKind, entity, null, rows)));
        return entries;
    }

    private HistoryEntry entry(int position, Kind kind, String entityName, String entityId, long rows) {
        return new HistoryEntry(firstEntryId + position, operation, kind, entityName, entityId, rows, at, actor, reason);
    }
}
