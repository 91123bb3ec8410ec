package dev.softdelete.hibernate;

import java.time.Instant;
import java.util.List;

/**
 * Reads the history table ({@link SoftDeleteSettings#HISTORY} {@code = table}) through the session's
 * connection, so it sees the session's own transaction. Entries come oldest first, a root before
 * what it reached.
 *
 * <pre>{@code
 * SoftDeleteHistory history = session.history();
 * history.ofRow(Customer.class, 7);                       // every delete, restore, erase of Customer#7
 * history.ofOperation(entries.get(0).operation());        // a delete, what it cascaded to, its restore
 * history.ofActor("alice", monday, friday);               // what alice did this week
 * }</pre>
 *
 * @since 0.1.0
 */
public interface SoftDeleteHistory {

    /**
     * The operations whose root was the given row, each with all its entries (its cascade counts, and
     * the restore of a delete). A row that a cascade reached is counted in its root's entries, not named.
     *
     * @param entityClass the entity class
     * @param id          the row's id
     * @return the entries, oldest first; empty if there are none
     */
    List<HistoryEntry> ofRow(Class<?> entityClass, Object id);

    /**
     * The entries of one operation: a delete with its cascade and its restores, a hard delete, or the
     * batches of one purge of an entity.
     *
     * @param operation the operation id ({@link HistoryEntry#operation()})
     * @return the entries, oldest first; empty if there are none
     */
    List<HistoryEntry> ofOperation(long operation);

    /**
     * What an actor did between two instants.
     *
     * @param actor the actor, as the {@code ActorProvider} gave it
     * @param from  the earliest instant, inclusive
     * @param to    the latest instant, exclusive
     * @return the entries, oldest first
     */
    List<HistoryEntry> ofActor(String actor, Instant from, Instant to);
}
