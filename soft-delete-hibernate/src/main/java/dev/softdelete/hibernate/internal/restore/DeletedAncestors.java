package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.impact.RestoreImpact;
import dev.softdelete.hibernate.internal.model.DeletionKey;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deleted parents a restore {@code WITH_PARENTS} brings back before the row, and theirs, read
 * without locks and listed from the top of each chain down. Restored in that order, each in a restore
 * of its own, they are locked as a restore of the top row alone locks them: a chain's top first. Two
 * such restores of rows of one chain then wait for each other at its top, holding nothing, where
 * locking the row's parent shared before restoring it made each hold a lock the other had to wait for.
 * Parents that the row's own cascade brings back (a ring) are not listed; neither are rows more than
 * {@code maxDepth} levels up: restored at its level, the highest listed row then finds its own parent
 * deleted at the limit, and the restore is refused as before.
 */
final class DeletedAncestors {

    /** A deleted ancestor, {@code level} parents above the row (1: a parent of the row). */
    record Row(EntityPersister type, Object id, int level) {
    }

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final RestoreImpact impact;
    private final int maxDepth;

    DeletedAncestors(SharedSessionContractImplementor session, SoftDeleteService service, int maxDepth) {
        this.session = session;
        this.service = service;
        this.impact = new RestoreImpact(session, service);
        this.maxDepth = maxDepth;
    }

    /** The deleted ancestors of the row, each after its own deleted parents; empty when the row is live. */
    List<Row> topDown(EntityPersister type, Object id) {
        DeletionKey deletion = impact.deletionOf(type, id);
        if (deletion == null) {
            return List.of();
        }
        Set<Row> listed = new LinkedHashSet<>();
        Set<List<Object>> seen = new HashSet<>();
        seen.add(key(type, id));
        addParents(type, id, deletion, listed, seen, 0);
        return new ArrayList<>(listed);
    }

    private void addParents(EntityPersister type, Object id, DeletionKey deletion, Set<Row> listed,
            Set<List<Object>> seen, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        List<DeletedParent> parents = new ParentLocks(session, service).readParents(type, List.of(id), deletion);
        if (parents.isEmpty()) {
            return;
        }
        Set<DeletedParent> comingBack = impact.broughtBack(type, id, deletion, parents);
        for (DeletedParent parent : parents) {
            Row row = new Row(parent.step().owner(), parent.id(), depth + 1);
            if (comingBack.contains(parent) || !seen.add(key(row.type(), row.id()))) {
                continue;
            }
            DeletionKey parentDeletion = impact.deletionOf(row.type(), row.id());
            if (parentDeletion != null) {
                addParents(row.type(), row.id(), parentDeletion, listed, seen, depth + 1);
                listed.add(row);
            }
        }
    }

    /** Rows of one hierarchy are one row, whichever of its types reached them. */
    private static List<Object> key(EntityPersister type, Object id) {
        return List.of(type.getRootEntityName(), id);
    }
}
