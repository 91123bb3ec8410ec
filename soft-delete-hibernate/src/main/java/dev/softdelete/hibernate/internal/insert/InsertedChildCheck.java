package dev.softdelete.hibernate.internal.insert;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.internal.cascade.ParentLocks;
import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a row inserted under a REMOVE-cascading association whose parent is soft-deleted
 * ({@link DeletedParentException}). A session that loaded the parent while it was live can add a child
 * after another transaction deleted it: the foreign key is satisfied, and the delete's cascade, already
 * run, does not reach the new row.
 * <p>
 * Inserts only remember the row; the check runs at the end of the flush that wrote them (where a
 * foreign key violation would surface), for all of them together, and before the commit for rows no
 * flush checked (a {@code StatelessSession}, or a manual flush mode): per association and
 * {@value IdChunks#SIZE} rows, a read of their parents' ids and a shared lock on those parents
 * ({@link ParentLocks}). The lock orders it with a racing delete, which
 * marks the parent before it reads the children: either the delete waits for this transaction and its
 * cascade then marks the new rows, or this check waits for the delete and sees the parent deleted.
 * Rows inserted deleted, or marked by a cascade of this same transaction, are not refused.
 */
public final class InsertedChildCheck implements PostInsertEventListener {

    private final SoftDeleteService service;
    // per entity name: the steps whose cascade reaches rows of exactly that type; every insert asks
    private final Map<String, List<CascadeStep>> stepsToType = new ConcurrentHashMap<>();

    public InsertedChildCheck(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        if (stepsTo(persister).isEmpty()) {
            return;
        }
        SharedSessionContractImplementor session = event.getSession();
        if (!session.isTransactionInProgress()) {
            // written in auto-commit: nothing to hold a lock for, but a row under a deleted parent is still reported
            check(session, Map.of(persister.getEntityName(), List.of(event.getId())));
            return;
        }
        SessionState state = service.stateOf(session);
        if (state.recordInsertedChild(persister.getEntityName(), event.getId())) {
            TransactionCompletionCallbacks callbacks = session.getTransactionCompletionCallbacks();
            callbacks.registerCallback((BeforeCompletionCallback) completing ->
                    check(completing, state.takeInsertedChildren()));
            // after a rollback, which skips the check, the next transaction must not check these rows
            callbacks.registerCallback((AfterCompletionCallback) (success, completing) -> state.insertCheckDone());
        }
    }

    /** Checks the rows inserted since the last check, if any: called when a flush has written them. */
    public void checkInserted(SharedSessionContractImplementor session) {
        SessionState state = service.existingStateOf(session);
        if (state != null) {
            check(session, state.takeInsertedChildren());
        }
    }

    /**
     * The steps that reach a row of the type: those to it or to a supertype. Not those to a subclass,
     * which a restore named by a supertype needs: in a shared table, a row of the supertype itself
     * can hold the same foreign key without the association reaching it.
     */
    private List<CascadeStep> stepsTo(EntityPersister type) {
        return stepsToType.computeIfAbsent(type.getEntityName(), name -> service.cascadePlans().parentStepsOf(type)
                .stream().filter(step -> step.child().isSubclassEntityName(name)).toList());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void check(SharedSessionContractImplementor session, Map<String, List<Object>> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        ParentLocks locks = new ParentLocks(session, service);
        inserted.forEach((entityName, ids) -> {
            EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName);
            for (List<Object> chunk : IdChunks.of(ids)) {
                List<DeletedParent> deleted = locks.lockParents(stepsTo(persister), persister, chunk);
                if (!deleted.isEmpty()) {
                    refuseLiveChildren(session, persister, deleted);
                }
            }
        });
    }

    /**
     * Throws for the first child of a deleted parent that is still live. A child that this transaction
     * inserted and then deleted, with its parent or on its own, is where the cascade would have put it.
     */
    private void refuseLiveChildren(SharedSessionContractImplementor session, EntityPersister persister,
            List<DeletedParent> deleted) {
        // a child reached through two associations appears twice: once each is at most a chunk
        Set<Object> distinct = new LinkedHashSet<>();
        deleted.forEach(parent -> distinct.add(parent.child()));
        List<Object> children = new ArrayList<>(distinct);
        MarkerColumns markers = MarkerColumns.of(persister, service.typeOf(persister.getEntityName()));
        String idColumn = MarkerColumns.idColumn(persister);
        Set<Object> live = new HashSet<>(Mutations.selectColumn(session, "select " + idColumn + " from "
                + markers.table() + " where " + idColumn + " in (" + IdChunks.placeholders(children) + ") and "
                + markers.marker().getSelectionExpression() + " is null",
                IdChunks.binds(children, persister.getIdentifierMapping(), session),
                persister.getIdentifierMapping().getSingleJdbcMapping()));
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
