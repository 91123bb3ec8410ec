package dev.softdelete.hibernate.internal.link;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.link.LinkPoints.LinkedRows;
import dev.softdelete.hibernate.internal.link.LinkPoints.LinkingCollection;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.scope.SessionState.PendingLinks;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a row linked live under a REMOVE-cascading or {@code DENY} association whose parent is
 * soft-deleted ({@link DeletedParentException}). A session that loaded the parent while it was live can
 * add a child, or move an existing row under it, after another transaction deleted it: the foreign key
 * is satisfied, and the delete's cascade (or its denial), already run, does not see the row.
 * <p>
 * {@link ChildLinkListener} only remembers the links; this check runs at the end of the flush that wrote
 * them (where a foreign key violation would surface), for all of them together, and before the commit
 * for links no flush checked (a {@code StatelessSession}, or a manual flush mode). Per association and
 * {@value IdChunks#SIZE} rows, the parents are locked shared ({@link ParentLocks}): those of inserted or
 * moved rows after a read of their ids, the owners of collections that gained rows directly. The lock
 * orders the check with a racing delete, which marks the parent before it reads the children: either
 * the delete waits for this transaction and its cascade then marks the linked rows, or this check waits
 * for the delete and sees the parent deleted. Rows linked deleted, or marked by a cascade of this same
 * transaction, are not refused.
 */
final class LinkedChildCheck {

    private final SoftDeleteService service;
    private final LinkPoints points;

    LinkedChildCheck(SoftDeleteService service, LinkPoints points) {
        this.service = service;
        this.points = points;
    }

    /** Checks the links remembered since the last check, if any: called when a flush has written them. */
    void checkPending(SharedSessionContractImplementor session) {
        SessionState state = service.existingStateOf(session);
        if (state != null) {
            check(session, state.takeLinks());
        }
    }

    void check(SharedSessionContractImplementor session, PendingLinks links) {
        if (links.isEmpty()) {
            return;
        }
        ParentLocks locks = new ParentLocks(session, service);
        links.children().forEach((linkKey, ids) -> {
            LinkedRows rows = points.rowsOf(linkKey);
            EntityPersister persister = rows.type();
            for (List<Object> chunk : IdChunks.of(ids)) {
                List<DeletedParent> deleted = locks.lockParents(rows.steps(), persister, chunk);
                if (!deleted.isEmpty()) {
                    refuseLiveChildren(locks, persister, deleted);
                }
            }
        });
        links.underOwners().forEach((role, owners) -> {
            LinkingCollection collection = points.linkingCollection(
                    session.getFactory().getMappingMetamodel().getCollectionDescriptor(role));
            checkOwners(session, locks, collection.step(), owners, alsoCheckedAsChildren(links, collection.step()));
        });
    }

    /**
     * The rows of the step's child type already checked through their own parents: rows inserted in
     * this flush and added to a collection need only that check.
     */
    private Set<Object> alsoCheckedAsChildren(PendingLinks links, CascadeStep step) {
        Set<Object> checked = new HashSet<>();
        links.children().forEach((linkKey, ids) -> {
            LinkedRows rows = points.rowsOf(linkKey);
            if (rows.steps().contains(step) && step.child().isSubclassEntityName(rows.type().getEntityName())) {
                checked.addAll(ids);
            }
        });
        return checked;
    }

    private void checkOwners(SharedSessionContractImplementor session, ParentLocks locks, CascadeStep step,
            Map<Object, List<Object>> childrenByOwner, Set<Object> checkedAsChildren) {
        List<Object> owners = new ArrayList<>();
        childrenByOwner.forEach((owner, children) -> {
            if (!checkedAsChildren.containsAll(children)) {
                owners.add(owner);
            }
        });
        if (owners.isEmpty()) {
            return;
        }
        List<DeletedParent> deleted = new ArrayList<>();
        for (Object owner : locks.deletedAmong(step.owner(), owners)) {
            childrenByOwner.get(owner).forEach(child -> deleted.add(new DeletedParent(step, owner, child)));
        }
        for (List<DeletedParent> chunk : IdChunks.of(deleted)) {
            refuseLiveChildren(locks, step.child(), chunk);
        }
    }

    /**
     * Throws for the first child of a deleted parent that is still live. A child that this transaction
     * linked and then deleted, with its parent or on its own, is where the cascade would have put it.
     */
    private static void refuseLiveChildren(ParentLocks locks, EntityPersister persister,
            List<DeletedParent> deleted) {
        // a child reached through two associations appears twice
        Set<Object> distinct = new LinkedHashSet<>();
        deleted.forEach(parent -> distinct.add(parent.child()));
        Set<Object> live = locks.liveAmong(persister, distinct);
        for (DeletedParent parent : deleted) {
            if (live.contains(parent.child())) {
                CascadeStep step = parent.step();
                throw new DeletedParentException(persister.getEntityName() + "#" + parent.child(),
                        step.owner().getEntityName() + "#" + parent.id(),
                        step.owner().getEntityName() + "." + step.attribute());
            }
        }
    }
}
