package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.function.Predicate;

/**
 * Which delete operations a restore undoes: a condition on any marker table that selects the rows those
 * operations marked, so that a cascade restore brings back those rows and leaves the rows other deletes
 * marked alone.
 */
public interface DeletedBy {

    /** The condition on a marker table selecting the rows the operations marked; bound by {@link #bind}. */
    String condition(MarkerColumns columns);

    /** Binds the parameters of {@link #condition}. */
    Binds bind(Binds binds, MarkerColumns columns, SharedSessionContractImplementor session);

    /**
     * Which in-memory marker values an instance the session manages may hold if the operations marked its
     * row: the instances to check against the table after the restore.
     */
    Predicate<Object> markerOfManaged(MarkerColumns columns);
}
