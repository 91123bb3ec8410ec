package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What tells the rows one delete operation marked: its operation id, or, for a row marked before the
 * library wrote operation ids (the column is NULL there), its marker instant.
 *
 * @param instant   the marker instant of the operation's root row
 * @param operation the operation id, or null for a row marked without one
 */
public record DeletionKey(Instant instant, Long operation) implements DeletedBy {

    @Override
    public String condition(MarkerColumns columns) {
        return operation != null ? columns.operation() + " = ?" : columns.marker().getSelectionExpression() + " = ?";
    }

    @Override
    public Binds bind(Binds binds, MarkerColumns columns, SharedSessionContractImplementor session) {
        return operation != null ? binds.add(columns.operationType(), operation)
                : binds.add(columns.marker(), columns.markerValue(instant), session);
    }

    /** The operation marked its rows at the root's instant. */
    @Override
    public Predicate<Object> markerOfManaged(MarkerColumns columns) {
        return columns.markerValue(instant)::equals;
    }
}
