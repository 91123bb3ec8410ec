package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.Impact.Refusal;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.model.DenyStep;
import dev.softdelete.hibernate.internal.model.DetachStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soft delete would mark, read without marking: the cascade's walk with SELECTs where it has
 * UPDATEs. A level's rows are the live children of the level above, exactly the rows the cascade's
 * UPDATE of that level marks ({@code marker is null}), so the counts are the operation's own. The same
 * walk, restricted to the paths that lead to a {@code DENY} association, is the check the delete runs
 * before it writes.
 */
public final class DeleteImpact {

    /** The depth from which the delete's own check tests a level for rows met before. */
    static final int DENY_CHECK_CYCLE_TEST_DEPTH = 8;

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;

    public DeleteImpact(SharedSessionContractImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    /** The preview of a {@code remove()} of one row: nothing when the row is already deleted or absent. */
    public Impact preview(EntityPersister root, Object id) {
        MarkerColumns columns = MarkerColumns.of(root, service.typeOf(root.getEntityName()));
        String live = " where " + MarkerColumns.idRestriction(root) + " and " + columns.marker().getSelectionExpression()
                + " is null";
        Binds idBinds = new Binds().add(root.getIdentifierMapping(), id, session);
        if (Counts.of(session, "select count(*) from " + columns.table() + live, idBinds) == 0) {
            return new Impact(Impact.Operation.DELETE, List.of(), List.of(), List.of());
        }
        ReachedRows reached = new ReachedRows();
        String rootIds = "select " + MarkerColumns.idColumn(root) + " as sd_id from " + columns.table() + live;
        reached.add(root, rootIds, idBinds, 1);
        Map<DenyStep, OwnerLevels> denying = new LinkedHashMap<>();
        Map<DetachStep, OwnerLevels> detaching = new LinkedHashMap<>();
        collectOwners(denying, detaching, root, rootIds, idBinds, true);
        walk(Level.root(root, idBinds), false, (type, ids, binds, count) -> {
            reached.add(type, ids, binds, count);
            collectOwners(denying, detaching, type, ids, binds, false);
            return true;
        });
        List<Refusal> refusals = new ArrayList<>();
        denying.forEach((step, owners) -> {
            long rows = Counts.of(session, step.count(owners.ids()), owners.binds());
            if (rows > 0) {
                refusals.add(refusal(step, rows));
            }
        });
        // the rows each DETACH association unlinks: those whose key holds the id of a row the delete marks
        List<Impact.Rows> detached = OwnerLevels.detachedRows(session, detaching, step -> step.keyColumn() + " in (%s)");
        return new Impact(Impact.Operation.DELETE, reached.rows(session), detached, refusals);
    }

    /**
     * The first {@code DENY} association that refuses a delete starting at {@code start} (one row, or
     * the rows a bulk delete marked), or null. Walks only the paths on which a {@code DENY}
     * association lies, and stops at the first refusal; without {@code followCascades} (a
     * {@code StatelessSession}, which does not cascade), checks the start's own associations only.
     */
    public Refusal firstRefusal(Level start, boolean followCascades) {
        Refusal[] found = {denied(start.type(), start.ids(), start.binds(), start.isRootRow())};
        if (found[0] == null && followCascades) {
            walk(start, true, (type, ids, binds, count) -> {
                found[0] = denied(type, ids, binds, false);
                return found[0] == null;
            });
        }
        return found[0];
    }

    /** What the walk does with a level it reached; returns whether to go on. */
    @FunctionalInterface
    private interface LevelVisitor {
        boolean visit(EntityPersister type, String ids, Binds binds, long count);
    }

    private void walk(Level start, boolean towardsDenyOnly, LevelVisitor visitor) {
        boolean[] stopped = {false};
        ReachedRows seen = new ReachedRows();
        LevelWalk.walk(session, service, start, (step, parents) -> {
            if (stopped[0] || towardsDenyOnly && !service.cascadePlans().rowsMayDeny(step.child())) {
                return null;
            }
            MarkerColumns child = step.childColumns();
            String where = " where " + step.childrenOf(parents.ids()) + " and "
                    + child.marker().getSelectionExpression() + " is null";
            long count = Counts.of(session, "select count(*) from " + child.table() + where, parents.binds());
            if (count == 0) {
                return null;
            }
            String ids = "select " + step.childId() + " as sd_id from " + child.table() + where;
            if (testsForCycle(towardsDenyOnly, parents.depth() + 1)
                    && !seen.reachesNew(session, step.child(), ids, parents.binds())) {
                return null;
            }
            seen.add(step.child(), ids, parents.binds(), count);
            stopped[0] = !visitor.visit(step.child(), ids, parents.binds(), count);
            return stopped[0] ? null : new Next(ids, new Binds());
        });
    }

    /**
     * Whether a level at {@code depth} is tested for rows met before, the walk's stop round rows that
     * lead back to each other (without it such a walk nests its SQL until it is refused as too deep, and
     * H2 evaluates that nesting for minutes). A preview tests from the start. The delete's own check
     * runs on every remove: it tests only below the depth most trees end at, so that a tree pays no
     * statement for it and a cycle of rows goes round it a few times more.
     */
    private static boolean testsForCycle(boolean towardsDenyOnly, int depth) {
        return !towardsDenyOnly || depth >= DENY_CHECK_CYCLE_TEST_DEPTH;
    }

    private void collectOwners(Map<DenyStep, OwnerLevels> denying, Map<DetachStep, OwnerLevels> detaching,
            EntityPersister type, String ids, Binds binds, boolean rootRow) {
        for (DenyStep step : service.cascadePlans().denyStepsOf(type, rootRow)) {
            denying.computeIfAbsent(step, s -> new OwnerLevels()).add(ids, binds);
        }
        for (DetachStep step : service.cascadePlans().detachStepsOf(type, rootRow)) {
            detaching.computeIfAbsent(step, s -> new OwnerLevels()).add(ids, binds);
        }
    }

    private Refusal denied(EntityPersister type, String ids, Binds binds, boolean rootRow) {
        for (DenyStep step : service.cascadePlans().denyStepsOf(type, rootRow)) {
            long rows = Counts.of(session, step.count(ids), binds);
            if (rows > 0) {
                return refusal(step, rows);
            }
        }
        return null;
    }

    private static Refusal refusal(DenyStep step, long rows) {
        return new Refusal(step.owner().getEntityName(), step.attribute(), step.target(), rows);
    }
}
