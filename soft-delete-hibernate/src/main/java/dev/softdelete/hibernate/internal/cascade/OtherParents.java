package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The other parents of the rows a cascade restore is about to bring back: parents through another
 * association whose delete reaches them (a REMOVE cascade or a {@code DENY} policy), or through the
 * same one where a row can have several (a join table). A row with such a parent deleted by another
 * operation stays deleted, since that parent's delete would have taken it (or been refused) had the
 * row been live; the walk then does not go below it. A parent deleted by an operation the restore
 * undoes comes back with it and keeps nothing deleted. The parents are locked shared before the
 * level's UPDATE locks the rows, parent before child as a cascade delete locks them, so a delete of one
 * of them running meanwhile either finishes first and keeps the row deleted, or waits and then takes
 * the restored row with it.
 */
public final class OtherParents {

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final CascadeRunner runner;

    /** @param runner the cascade whose level UPDATEs the conditions go into, or null for reads only */
    public OtherParents(SharedSessionContractImplementor session, SoftDeleteService service, CascadeRunner runner) {
        this.session = session;
        this.service = service;
        this.runner = runner;
    }

    /**
     * The condition keeping the rows with a deleted other parent out of the level's restore; null when
     * no such parent is deleted (the common case, and then the level's UPDATE is the one it would be
     * without other parents).
     *
     * @param step       the step the walk follows down to the level
     * @param candidates the condition on the child's marker table selecting the rows the restore would
     *                   bring back, bound by {@code binds}
     * @param lock       whether to lock the parents (a restore) or only read them (a preview)
     */
    public Exclusion exclusion(CascadeStep step, String candidates, Binds binds, DeletedBy deletion, boolean lock) {
        StringBuilder condition = new StringBuilder();
        Binds exclusionBinds = new Binds();
        for (CascadeStep other : service.cascadePlans().otherParentsOf(step)) {
            List<Object> parents = Mutations.selectColumn(session, parentIds(step, other, candidates), binds,
                    other.owner().getIdentifierMapping().getSingleJdbcMapping());
            if (parents.isEmpty()) {
                continue;
            }
            // a parent the undone operations marked comes back with this restore (the root itself, a row of a
            // level above, or of this level, as in a cycle): it keeps no row deleted, whatever the walk's order
            Set<Object> deleted = new ParentLocks(session, service).deletedAmong(other.owner(), parents, lock, deletion);
            if (!deleted.isEmpty()) {
                exclude(step, other, new ArrayList<>(deleted), condition, exclusionBinds);
            }
        }
        return condition.isEmpty() ? null : new Exclusion(condition.toString(), exclusionBinds);
    }

    /** A condition on the child's marker table, starting with {@code " and "}, with its parameters. */
    public record Exclusion(String sql, Binds binds) {
    }

    /** Whether the other association's key sits in the level's own table, beside the child's id. */
    private static boolean keyInChildTable(CascadeStep step, CascadeStep other) {
        return other.direct() && other.linkTable().equals(step.childColumns().table());
    }

    /** The distinct ids of the other parents of the candidate rows. */
    private static String parentIds(CascadeStep step, CascadeStep other, String candidates) {
        String table = step.childColumns().table();
        if (keyInChildTable(step, other)) {
            return "select distinct " + other.parentColumn() + " from " + table + " where " + candidates + " and "
                    + other.parentColumn() + " is not null" + other.ofChildType();
        }
        return "select distinct " + other.parentColumn() + " from " + other.linkTable() + " where "
                + other.childColumn() + " in (select " + step.childId() + " from " + table + " where " + candidates
                + ") and " + other.parentColumn() + " is not null";
    }

    private void exclude(CascadeStep step, CascadeStep other, List<Object> deleted, StringBuilder condition,
            Binds binds) {
        StringJoiner lists = new StringJoiner(" or ");
        for (List<Object> chunk : IdChunks.of(deleted)) {
            lists.add(other.parentColumn() + " in (" + IdChunks.placeholders(chunk) + ")");
            binds.addAll(IdChunks.binds(chunk, other.owner().getIdentifierMapping(), session));
        }
        if (keyInChildTable(step, other)) {
            // NOT (NULL) would be unknown for a row without that parent: it has none to be deleted; a row of
            // another subclass holds another association's key in a shared column
            condition.append(" and (").append(other.parentColumn()).append(" is null or not (").append(lists)
                    .append(")").append(other.ofChildType().isEmpty() ? "" : " or not (" + other.ofChildType()
                            .substring(" and ".length()) + ")").append(")");
            return;
        }
        // a link without a child (an owner's null key) would make NOT IN unknown for every row
        String linked = "select " + other.childColumn() + " as sd_id from " + other.linkTable() + " where ("
                + lists + ") and " + other.childColumn() + " is not null";
        boolean readsUpdated = runner != null && other.linkTable().equals(step.childColumns().table());
        condition.append(" and ").append(step.childId()).append(" not in (")
                .append(readsUpdated ? runner.readable(linked, true) : linked).append(")");
    }
}
