package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one purge batch of one target. Every statement restricts to the batch's rows with the
 * same predicate: ids in the batch's key range, marked before the cutoff (re-checked here, so a row
 * restored since it was selected stays), and not referenced by any row (a dry run, which deletes
 * nothing, counts referencing rows that are due as gone: its count is an upper bound).
 */
final class PurgeStatements {

    /**
     * The key range of one batch: ids above {@code after} (none: from the first) up to {@code upTo}
     * inclusive (none: to the last).
     */
    record Range(Object after, Object upTo) {

        String describe() {
            return after == null && upTo == null ? "all ids" : (after == null ? "ids" : "ids after " + after)
                    + (upTo == null ? "" : " up to " + upTo);
        }
    }

    private final PurgeTarget target;
    private final String forUpdate;
    private final boolean dryRun;

    PurgeStatements(PurgeTarget target, String forUpdate, boolean dryRun) {
        this.target = target;
        this.forUpdate = forUpdate;
        this.dryRun = dryRun;
    }

    private boolean skipsDueRows(Guard guard) {
        return dryRun && guard.dueRowsWouldGo();
    }

    /** The batch's rows; bound by {@link #batchBinds}. */
    private String batchRows(Range range) {
        String id = target.idColumn();
        StringBuilder where = new StringBuilder().append(bounds(id, range)).append(target.markerColumn()).append(" < ?");
        int alias = 0;
        for (Guard guard : target.guards()) {
            // the derived table lets MariaDB read the table it deletes from (its error 1093); DISTINCT stops it merging
            String derived = "sd_guard" + alias++;
            String column = guard.key().column();
            where.append(" and ").append(id).append(" not in (select ").append(derived).append(".sd_key from (select distinct ")
                    .append(column).append(" as sd_key from ").append(guard.key().table()).append(" where ")
                    // a NULL key would make NOT IN unknown for every row: nothing would be purged
                    .append(bounds(column, range)).append(column).append(" is not null");
            if (skipsDueRows(guard)) {
                String marker = guard.markers().marker().getSelectionExpression();
                where.append(" and (").append(marker).append(" is null or ").append(marker).append(" >= ?)");
            }
            where.append(") ").append(derived).append(")");
        }
        if (target.anonymizes()) {
            where.append(" and (").append(notYetAnonymized()).append(")");
        }
        return where.toString();
    }

    /** {@code id > ? and id <= ? and }, each part only where the range has that bound. */
    private static String bounds(String column, Range range) {
        return (range.after() == null ? "" : column + " > ? and ") + (range.upTo() == null ? "" : column + " <= ? and ");
    }

    /** True while some anonymised column does not hold its replacement yet, so reruns skip done rows. */
    private String notYetAnonymized() {
        List<String> any = new ArrayList<>();
        for (AnonymizedColumn column : target.anonymized()) {
            any.add(column.replacement() == null
                    ? column.column() + " is not null"
                    : column.column() + " is null or " + column.column() + " <> ?");
        }
        return String.join(" or ", any);
    }

    Binds batchBinds(SharedSessionContractImplementor session, Range range, Instant cutoff, Instant now) {
        Binds binds = bindBounds(new Binds(), range, session)
                .add(target.markers().marker(), target.markers().markerValue(cutoff), session);
        for (Guard guard : target.guards()) {
            bindBounds(binds, range, session);
            if (skipsDueRows(guard)) {
                Instant guardCutoff = guard.retention().cutoff(now).orElseThrow();
                binds.add(guard.markers().marker(), guard.markers().markerValue(guardCutoff), session);
            }
        }
        for (AnonymizedColumn column : target.anonymized()) {
            if (column.replacement() != null) {
                binds.add(column.attribute(), column.replacement(), session);
            }
        }
        return binds;
    }

    private Binds bindBounds(Binds binds, Range range, SharedSessionContractImplementor session) {
        if (range.after() != null) {
            binds.add(target.entity().getIdentifierMapping(), range.after(), session);
        }
        if (range.upTo() != null) {
            binds.add(target.entity().getIdentifierMapping(), range.upTo(), session);
        }
        return binds;
    }

    /**
     * Selects, in id order, the ids of due rows (not yet anonymised, when anonymising) above an
     * exclusive lower bound, if {@code after}; its parameters are {@link #dueParameters}. The caller
     * limits the rows.
     */
    String selectDue(boolean after) {
        String id = target.idColumn();
        return "select " + id + " from " + target.table() + " where " + target.markerColumn() + " < ?"
                + (after ? " and " + id + " > ?" : "")
                + (target.anonymizes() ? " and (" + notYetAnonymized() + ")" : "")
                + " order by " + id;
    }

    /** A parameter of a native query, with the mapping its value is bound by (a converter included). */
    record TypedValue(Object value, JdbcMapping type) {
    }

    /** The parameters of {@link #selectDue}, in order. */
    List<TypedValue> dueParameters(Instant cutoff, Object after) {
        List<TypedValue> values = new ArrayList<>();
        values.add(new TypedValue(target.markers().markerValue(cutoff), target.markers().marker().getJdbcMapping()));
        if (after != null) {
            values.add(new TypedValue(after, target.entity().getIdentifierMapping().getSingleJdbcMapping()));
        }
        for (AnonymizedColumn column : target.anonymized()) {
            if (column.replacement() != null) {
                values.add(new TypedValue(column.replacement(), column.attribute().getJdbcMapping()));
            }
        }
        return values;
    }

    /** Selects the ids of the batch's rows, locking them unless only counting. */
    String selectIds(Range range, boolean lock) {
        return "select " + target.idColumn() + " from " + target.table() + " where " + batchRows(range)
                + " order by " + target.idColumn() + (lock ? forUpdate : "");
    }

    /** Deletes the rows of one dependent table (collection, subclass, secondary) that belong to the batch. */
    String deleteDependent(KeyedTable dependent, Range range) {
        return "delete from " + dependent.table() + " where " + dependent.column()
                + " in (select " + target.idColumn() + " from " + target.table() + " where " + batchRows(range) + ")";
    }

    String delete(Range range) {
        return "delete from " + target.table() + " where " + batchRows(range);
    }

    /** Overwrites the anonymised columns; its binds are {@link #anonymizeBinds} followed by the batch's. */
    String anonymize(Range range) {
        List<String> sets = new ArrayList<>();
        for (AnonymizedColumn column : target.anonymized()) {
            sets.add(column.column() + (column.replacement() == null ? " = null" : " = ?"));
        }
        return "update " + target.table() + " set " + String.join(", ", sets) + " where " + batchRows(range);
    }

    Binds anonymizeBinds(SharedSessionContractImplementor session) {
        Binds binds = new Binds();
        for (AnonymizedColumn column : target.anonymized()) {
            if (column.replacement() != null) {
                binds.add(column.attribute(), column.replacement(), session);
            }
        }
        return binds;
    }
}
