package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.scope.SessionState.DeleteRequest;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The SET clause that marks rows deleted, {@code marker = ?, operation = ?[, actor = ?][, reason = ?]},
 * and its parameters in the same order: the one place both are written, for the marker UPDATE of a
 * row and for each level of its cascade.
 */
public final class MarkerAssignment {

    private MarkerAssignment() {
    }

    /** The assignments, without the {@code set} keyword; the actor and reason only where mapped. */
    public static String of(MarkerColumns columns) {
        StringBuilder set = new StringBuilder(columns.marker().getSelectionExpression()).append(" = ?, ")
                .append(columns.operation()).append(" = ?");
        if (columns.actor() != null) {
            set.append(", ").append(columns.actor().getSelectionExpression()).append(" = ?");
        }
        if (columns.reason() != null) {
            set.append(", ").append(columns.reason().getSelectionExpression()).append(" = ?");
        }
        return set.toString();
    }

    /** Adds the parameters of {@link #of} to {@code binds}, in its order. */
    public static Binds bind(Binds binds, MarkerColumns columns, Object marker, DeleteRequest request,
            SharedSessionContractImplementor session) {
        RequestLimits.check(request, columns.table(), columns);
        binds.add(columns.marker(), marker, session).add(columns.operationType(), request.operation());
        if (columns.actor() != null) {
            binds.add(columns.actor(), request.actor(), session);
        }
        if (columns.reason() != null) {
            binds.add(columns.reason(), request.reason(), session);
        }
        return binds;
    }
}
