package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Several delete operations at once, by id: what a restore of many roots undoes, each root having been
 * marked by one of them.
 *
 * @param ids the operation ids, none null, without repeats
 */
public record DeleteOperations(List<Long> ids) implements DeletedBy {

    public DeleteOperations {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no operation");
        }
    }

    @Override
    public String condition(MarkerColumns columns) {
        if (ids.size() == 1) {
            return columns.operation() + " = ?";
        }
        StringJoiner in = new StringJoiner(", ", columns.operation() + " in (", ")");
        ids.forEach(id -> in.add("?"));
        return in.toString();
    }

    @Override
    public Binds bind(Binds binds, MarkerColumns columns, SharedSessionContractImplementor session) {
        ids.forEach(id -> binds.add(columns.operationType(), id));
        return binds;
    }

    /** The operations marked their rows at instants of their own: any deleted instance may be one of them. */
    @Override
    public Predicate<Object> markerOfManaged(MarkerColumns columns) {
        return Objects::nonNull;
    }
}
