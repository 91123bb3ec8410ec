package dev.softdelete.hibernate.internal.erase;

import dev.softdelete.hibernate.internal.model.CascadeStep;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows an erase reached through one association from one level of parents (or the root row),
 * locked and read back, and the levels reached from them.
 *
 * @param type     the association's target type (rows may be of its subclasses)
 * @param ids      the ids of the rows, as read from the table
 * @param step     the association that reached them, or null for the root
 * @param children the levels reached from these rows
 */
record EraseLevel(EntityPersister type, List<Object> ids, CascadeStep step, List<EraseLevel> children) {

    EraseLevel(EntityPersister type, List<Object> ids, CascadeStep step) {
        this(type, ids, step, new ArrayList<>());
    }

    /**
     * Whether this level's rows hold the foreign key to their parents (a one-to-many, a mapped-by
     * to-one), so they must go before their parents. A to-one whose key is in the parent's table
     * points the other way: the parent goes first. Join-table links are deleted before any row.
     */
    boolean referencesParent() {
        return step == null || step.direct() || !isOwnerTable(step);
    }

    // getTableName(int) is deprecated since 6.2, not for removal; it lists a JOINED entity's tables with their key columns as this needs
    @SuppressWarnings("deprecation")
    private static boolean isOwnerTable(CascadeStep step) {
        for (int j = 0; j < step.owner().getTableSpan(); j++) {
            if (step.owner().getTableName(j).equals(step.linkTable())) {
                return true;
            }
        }
        return false;
    }

    /** The levels in the order their rows can be deleted without breaking a foreign key. */
    List<EraseLevel> deletionOrder() {
        List<EraseLevel> order = new ArrayList<>();
        appendInDeletionOrder(order);
        return order;
    }

    private void appendInDeletionOrder(List<EraseLevel> order) {
        for (EraseLevel child : children) {
            if (child.referencesParent()) {
                child.appendInDeletionOrder(order);
            }
        }
        order.add(this);
        for (EraseLevel child : children) {
            if (!child.referencesParent()) {
                child.appendInDeletionOrder(order);
            }
        }
    }

    /** This level and every level below it, parents before children. */
    List<EraseLevel> all() {
        List<EraseLevel> all = new ArrayList<>();
        List<EraseLevel> next = List.of(this);
        while (!next.isEmpty()) {
            List<EraseLevel> below = new ArrayList<>();
            for (EraseLevel level : next) {
                all.add(level);
                below.addAll(level.children);
            }
            next = below;
        }
        return all;
    }
}
