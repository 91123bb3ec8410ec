package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.model.CascadePlan;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import org.hibernate.Length;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.type.SqlTypes;

/**
 * An actor or reason longer than its column is refused before anything is written, naming the
 * attribute and the fix. Left to the database it would fail mid-flush (PostgreSQL, H2), after the
 * row's own UPDATE when only a cascaded type's column is short, or be cut silently (MariaDB outside
 * strict mode).
 */
public final class RequestLimits {

    private RequestLimits() {
    }

    /** Checks the request against the columns of the deleted type and of every type its cascade marks. */
    public static void check(DeleteRequest request, String entityName, MarkerColumns columns, CascadePlan cascade) {
        check(request, entityName, columns);
        for (CascadeStep step : cascade.steps()) {
            check(request, step.child().getEntityName(), step.childColumns());
        }
    }

    /** Checks the request against the columns of one type. */
    public static void check(DeleteRequest request, String entityName, MarkerColumns columns) {
        check("actor", request.actor(), columns.actor(), entityName, "ActorProvider");
        check("reason", request.reason(), columns.reason(), entityName, "deletingBecause(reason)");
    }

    private static void check(String what, String value, BasicValuedModelPart column, String entityName, String source) {
        Long length = value == null || column == null ? null : lengthOf(column);
        if (length != null && value.length() > length) {
            throw new IllegalArgumentException("softdelete: the " + what + " given by " + source + " has "
                    + value.length() + " characters, and " + entityName + "." + column.getPartName()
                    + " holds at most " + length + "; nothing was written. Shorten the " + what
                    + " or widen the column (@Column(length = ...) on " + column.getPartName() + "; if the column"
                    + " is already wider than the mapping says, through columnDefinition or a migration, declare"
                    + " that length there)");
        }
    }

    /**
     * The column's length, for a character column of bounded type: the mapped one, or the length
     * Hibernate gives it in the DDL when the mapping names none ({@code Length.DEFAULT}, 255). Text
     * and LOB types are unbounded here, whatever length the mapping model reports for them (Hibernate
     * 7.4.15 reports 255 for a {@code LONG32VARCHAR} column, 7.4.13 none).
     */
    private static Long lengthOf(BasicValuedModelPart column) {
        int type = column.getJdbcMapping().getJdbcType().getDdlTypeCode();
        boolean bounded = type == SqlTypes.VARCHAR || type == SqlTypes.NVARCHAR || type == SqlTypes.CHAR
                || type == SqlTypes.NCHAR;
        if (!bounded) {
            return null;
        }
        return column.getLength() != null ? column.getLength() : (long) Length.DEFAULT;
    }
}
