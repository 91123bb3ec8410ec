package dev.softdelete.hibernate.internal.scope;

import dev.softdelete.hibernate.HistoryEntry;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.SessionEventListener;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The soft-delete state of one Hibernate session: the reasons in effect, who and why each pending
 * remove was asked for, the rows to hard-delete, and the instant shared by the deletes of one flush.
 * Registered as the session's event listener so that a flush end resets the instant and the
 * session's end drops the state.
 */
public final class SessionState implements SessionEventListener {

    /** Identifies one row of a hierarchy: the root entity name and the identifier. */
    public record RowKey(String rootEntityName, Object id) {
    }

    /**
     * Who asked for a delete, and why, at the moment {@code remove()} was called, and the id of that
     * delete operation: written with the marker on the row and on every row its cascade reaches, so
     * that a restore brings back exactly those rows whatever the precision of the marker column.
     */
    public record DeleteRequest(String actor, String reason, long operation) {

        /** A request for a new delete operation, with an id of its own. */
        public static DeleteRequest of(String actor, String reason) {
            // random rather than counted: ids must not repeat across sessions, JVMs and restarts
            return new DeleteRequest(actor, reason, ThreadLocalRandom.current().nextLong());
        }
    }

    /**
     * Rows linked to a parent in the current transaction, under a REMOVE-cascading association, whose
     * parents must be checked: see {@code LinkedChildCheck}.
     *
     * @param children    rows inserted, or whose foreign key to a parent changed, by a key naming their
     *                    type and the associations through which they were linked: their parents are
     *                    read from the database
     * @param underOwners rows added to a collection, by collection role, then owner id: the owner is
     *                    the parent
     */
    public record PendingLinks(Map<String, List<Object>> children, Map<String, Map<Object, List<Object>>> underOwners) {

        /** Whether nothing is left to check. */
        public boolean isEmpty() {
            return children.isEmpty() && underOwners.isEmpty();
        }
    }

    /** A bulk delete that marked rows of an entity type at an instant; its cascade runs at the next flush. */
    public record BulkCascade(String entityName, Instant instant, DeleteRequest request) {
    }

    private final Runnable onEnd;
    private final Deque<String> reasons = new ArrayDeque<>();
    private final VisibilityScope.Stack visibilityScopes = new VisibilityScope.Stack();
    private final Map<RowKey, DeleteRequest> requests = new HashMap<>();
    private final Set<RowKey> hardDeletes = new HashSet<>();
    private final List<BulkCascade> bulkCascades = new ArrayList<>();
    private final List<PersistentCollection<?>> scopeViews = new ArrayList<>();
    private final List<HistoryEntry> pendingHistory = new ArrayList<>();
    private final PendingLinks pendingLinks = new PendingLinks(new HashMap<>(), new HashMap<>());
    private DeleteRequest bulkDelete;
    private RowKey statelessDelete;
    private int hardCascades;
    private Instant flushInstant;
    private boolean linkCheckRegistered;

    public SessionState(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    /** The visibility scopes open in this session. */
    /**
     * Remembers a collection a closed scope left behind (its owner now holds a new one), so that a
     * change made to it afterwards, which no flush would write, is reported instead of lost.
     */
    public void rememberScopeView(PersistentCollection<?> collection) {
        scopeViews.add(collection);
    }

    /** The collections closed scopes left behind in this session. */
    public List<PersistentCollection<?>> scopeViews() {
        return scopeViews;
    }

    public VisibilityScope.Stack visibilityScopes() {
        return visibilityScopes;
    }

    public String currentReason() {
        return reasons.peek();
    }

    public void pushReason(String reason) {
        reasons.push(reason);
    }

    public void popReason(String reason) {
        // close() of an outer scope before an inner one must still remove the right entry
        reasons.removeFirstOccurrence(reason);
    }

    public void recordRequest(RowKey row, DeleteRequest request) {
        requests.put(row, request);
    }

    public DeleteRequest takeRequest(RowKey row) {
        return requests.remove(row);
    }

    public void requestHardDelete(RowKey row) {
        hardDeletes.add(row);
    }

    /** A bulk delete statement is being bound: the delete operation its parameters share. */
    public void beginBulkDelete(DeleteRequest request) {
        bulkDelete = request;
    }

    /** The delete operation of the bulk delete statement being bound. */
    public DeleteRequest bulkDelete() {
        return bulkDelete;
    }

    public void addBulkCascade(BulkCascade cascade) {
        bulkCascades.add(cascade);
    }

    /** The bulk-delete cascades not run yet, emptied. */
    public List<BulkCascade> takeBulkCascades() {
        if (bulkCascades.isEmpty()) {
            return List.of();
        }
        List<BulkCascade> taken = List.copyOf(bulkCascades);
        bulkCascades.clear();
        return taken;
    }

    /** A stateless delete of this row has started: its links are to be kept. */
    public void beginStatelessDelete(RowKey row) {
        statelessDelete = row;
    }

    public boolean isStatelessDeleteOf(RowKey row) {
        return row.equals(statelessDelete);
    }

    public void endStatelessDelete() {
        statelessDelete = null;
    }

    public void beginHardCascade() {
        hardCascades++;
    }

    public void endHardCascade() {
        hardCascades--;
    }

    /** Whether Hibernate is cascading the REMOVE of a hard-deleted entity right now. */
    public boolean isHardCascadeActive() {
        return hardCascades > 0;
    }

    public boolean isHardDeleteRequested(RowKey row) {
        return hardDeletes.contains(row);
    }

    public boolean takeHardDelete(RowKey row) {
        return hardDeletes.remove(row);
    }

    /**
     * Keeps history entries for the listener until the transaction completes.
     *
     * @return whether they are the first of the transaction, whose completion callback is to be registered
     */
    public boolean addHistory(List<HistoryEntry> entries) {
        boolean first = pendingHistory.isEmpty();
        pendingHistory.addAll(entries);
        return first;
    }

    /** The entries kept for the listener since the transaction began, and forgets them. */
    public List<HistoryEntry> takeHistory() {
        List<HistoryEntry> taken = List.copyOf(pendingHistory);
        pendingHistory.clear();
        return taken;
    }

    /**
     * Remembers a row inserted in the current transaction, or whose foreign key to a parent changed,
     * whose type a REMOVE cascade reaches, for the check of its parents at the end of the flush, or
     * before the commit.
     *
     * @return whether it is the first of the transaction: the caller then registers the check with it
     */
    public boolean recordLinkedChild(String linkKey, Object id) {
        pendingLinks.children().computeIfAbsent(linkKey, key -> new ArrayList<>()).add(id);
        return firstLink();
    }

    /**
     * Remembers a row added to a collection through which its owner's REMOVE cascade reaches it, for
     * the check of that owner.
     *
     * @return as {@link #recordLinkedChild}
     */
    public boolean recordLinkUnderOwner(String role, Object ownerId, Object childId) {
        pendingLinks.underOwners().computeIfAbsent(role, name -> new HashMap<>())
                .computeIfAbsent(ownerId, id -> new ArrayList<>()).add(childId);
        return firstLink();
    }

    private boolean firstLink() {
        boolean first = !linkCheckRegistered;
        linkCheckRegistered = true;
        return first;
    }

    /** The links remembered since last asked; forgets them. */
    public PendingLinks takeLinks() {
        PendingLinks taken = new PendingLinks(Map.copyOf(pendingLinks.children()),
                Map.copyOf(pendingLinks.underOwners()));
        pendingLinks.children().clear();
        pendingLinks.underOwners().clear();
        return taken;
    }

    /** The transaction ended: a rollback skipped the check, so its links are forgotten too. */
    public void linkCheckDone() {
        pendingLinks.children().clear();
        pendingLinks.underOwners().clear();
        linkCheckRegistered = false;
    }

    /** The instant of the flush in progress, taken from the clock on the first delete of the flush. */
    public Instant flushInstant(Supplier<Instant> clock) {
        if (flushInstant == null) {
            flushInstant = clock.get();
        }
        return flushInstant;
    }

    @Override
    public void flushEnd(int numberOfEntities, int numberOfCollections) {
        // a full flush has executed every pending delete: what is left was cancelled
        flushInstant = null;
        requests.clear();
        hardDeletes.clear();
    }

    @Override
    public void partialFlushEnd(int numberOfEntities, int numberOfCollections) {
        // an auto-flush may have executed nothing, so pending requests must survive it
        flushInstant = null;
    }

    @Override
    public void end() {
        onEnd.run();
    }
}
