package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.dialect.MySQLDialect;
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
 * row been live; the walk then does not go below it. A row whose deleted parent an operation the restore
 * undoes marked is held back ({@link HeldBack}) and comes back after the walk only if that parent
 * did. The parents are locked shared before the
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
     * @param heldBack   where a restore keeps the rows whose parent the undone operations marked, to come
     *                   back after the walk if that parent has; null for a preview, which counts them as
     *                   coming back, and reads without locks
     */
    public Exclusion exclusion(CascadeStep step, String candidates, Binds binds, DeletedBy deletion,
            HeldBack heldBack) {
        StringBuilder condition = new StringBuilder();
        Binds exclusionBinds = new Binds();
        for (CascadeStep other : service.cascadePlans().otherParentsOf(step)) {
            List<Object> parents = Mutations.selectColumn(session, parentIds(step, other, candidates), binds,
                    other.owner().getIdentifierMapping().getSingleJdbcMapping());
            if (parents.isEmpty()) {
                continue;
            }
            boolean restoring = heldBack != null;
            ParentLocks.Deleted deleted = new ParentLocks(session, service).deletedAmong(other.owner(), parents,
                    restoring, deletion);
            if (restoring && !deleted.byUndone().isEmpty()) {
                // a parent the undone operations marked may come back later in this restore (a row of a deeper
                // level, or of this one, as in a cycle), or not at all (a row below one kept deleted, or under a
                // root of a bulk delete that is not restored): its rows wait until the walk is over
                heldBack.add(step, childrenUnder(step, other, candidates, binds, deleted.byUndone()), deletion);
            }
            if (!deleted.byOthers().isEmpty() || restoring && !deleted.byUndone().isEmpty()) {
                if (restoring && readsUpdatedTable(step, other)) {
                    List<Object> excluded = new ArrayList<>(deleted.byOthers());
                    excluded.addAll(deleted.byUndone());
                    excludeListed(step, other, excluded, condition, exclusionBinds);
                }
                else {
                    excludeUnderDeleted(step, other, restoring ? null : deletion, condition, exclusionBinds);
                }
            }
        }
        return condition.isEmpty() ? null : new Exclusion(condition.toString(), exclusionBinds);
    }

    /** The ids of the candidate rows whose parent through {@code other} is one of {@code parents}. */
    private List<Object> childrenUnder(CascadeStep step, CascadeStep other, String candidates, Binds binds,
            Set<Object> parents) {
        String table = step.childColumns().table();
        List<Object> children = new ArrayList<>();
        for (List<Object> chunk : IdChunks.of(new ArrayList<>(parents))) {
            String amongParents = other.parentColumn() + " in (" + IdChunks.placeholders(chunk) + ")";
            String sql = keyInChildTable(step, other)
                    ? "select " + step.childId() + " from " + table + " where " + candidates + " and " + amongParents
                            + other.ofChildType()
                    : "select " + other.childColumn() + " from " + other.linkTable() + " where " + amongParents
                            + " and " + other.childColumn() + " in (select " + step.childId() + " from " + table
                            + " where " + candidates + ")";
            Binds chunkBinds = new Binds();
            if (keyInChildTable(step, other)) {
                chunkBinds.addAll(binds).addAll(IdChunks.binds(chunk, other.owner().getIdentifierMapping(), session));
            }
            else {
                chunkBinds.addAll(IdChunks.binds(chunk, other.owner().getIdentifierMapping(), session)).addAll(binds);
            }
            children.addAll(Mutations.selectColumn(session, sql, chunkBinds,
                    step.child().getIdentifierMapping().getSingleJdbcMapping()));
        }
        return children;
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

    /**
     * Whether a condition on the other parents would read the table the level's UPDATE writes, which
     * MariaDB and MySQL refuse in a subquery (error 1093) unless it is materialised first.
     */
    private boolean readsUpdatedTable(CascadeStep step, CascadeStep other) {
        String table = step.childColumns().table();
        boolean readsLink = !keyInChildTable(step, other) && other.linkTable().equals(table);
        return session.getJdbcServices().getDialect() instanceof MySQLDialect
                && (readsLink || markersOf(other).table().equals(table));
    }

    private MarkerColumns markersOf(CascadeStep other) {
        return MarkerColumns.of(other.owner(), service.typeOf(other.owner().getEntityName()));
    }

    /**
     * Keeps out the rows with a deleted parent through {@code other}, the deleted parents found by a
     * correlated subquery: nothing bound per parent, however many are deleted; {@code trusted} (a
     * preview's undone operations, or null) names the deleted parents that do not count.
     */
    private void excludeUnderDeleted(CascadeStep step, CascadeStep other, DeletedBy trusted, StringBuilder condition,
            Binds binds) {
        String table = step.childColumns().table();
        if (keyInChildTable(step, other)) {
            // a row of another subclass holds another association's key in a shared column
            condition.append(" and (not exists (")
                    .append(deletedParent(other, table + "." + other.parentColumn(), trusted, binds)).append(")")
                    .append(other.ofChildType().isEmpty() ? "" : " or not (" + other.ofChildType()
                            .substring(" and ".length()) + ")").append(")");
            return;
        }
        condition.append(" and not exists (select 1 from ").append(other.linkTable()).append(" sd_l where sd_l.")
                .append(other.childColumn()).append(" = ").append(table).append(".").append(step.childId())
                .append(" and exists (").append(deletedParent(other, "sd_l." + other.parentColumn(), trusted, binds))
                .append("))");
    }

    /** A subquery selecting the parent whose id {@code key} holds, if it is deleted (but not by {@code trusted}). */
    private String deletedParent(CascadeStep other, String key, DeletedBy trusted, Binds binds) {
        MarkerColumns parent = markersOf(other);
        String sql = "select 1 from " + parent.table() + " sd_p where sd_p." + MarkerColumns.idColumn(other.owner())
                + " = " + key + " and sd_p." + parent.marker().getSelectionExpression() + " is not null";
        if (trusted == null) {
            return sql;
        }
        trusted.bind(binds, parent, session);
        // unqualified column names in the operations' condition name the innermost table, the parent's; a CASE,
        // since NOT of an unknown (a parent marked without an operation id) would select no parent at all
        return sql + " and case when " + trusted.condition(parent) + " then 1 else 0 end = 0";
    }

    /** Keeps out the rows under the listed deleted parents, bound 500 ids per {@code in} list. */
    private void excludeListed(CascadeStep step, CascadeStep other, List<Object> deleted, StringBuilder condition,
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
        boolean readsUpdated = other.linkTable().equals(step.childColumns().table());
        condition.append(" and ").append(step.childId()).append(" not in (")
                .append(readsUpdated ? runner.readable(linked, true) : linked).append(")");
    }
}
