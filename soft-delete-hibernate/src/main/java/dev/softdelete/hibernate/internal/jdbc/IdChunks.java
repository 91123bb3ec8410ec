package dev.softdelete.hibernate.internal.jdbc;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.ModelPart;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Ids bound as {@code in (?, ?, …)} lists of at most {@value #SIZE} parameters: a statement per
 * chunk, so the statement count of an erase grows with the depth of the graph and only by one per
 * {@value #SIZE} rows, and no statement comes near a driver's parameter limit.
 */
public final class IdChunks {

    public static final int SIZE = 500;

    private IdChunks() {
    }

    public static <T> List<List<T>> of(List<T> ids) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SIZE) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + SIZE)));
        }
        return chunks;
    }

    public static String placeholders(List<Object> chunk) {
        StringJoiner marks = new StringJoiner(", ");
        chunk.forEach(id -> marks.add("?"));
        return marks.toString();
    }

    public static Binds binds(List<Object> chunk, ModelPart id, SharedSessionContractImplementor session) {
        Binds binds = new Binds();
        chunk.forEach(value -> binds.add(id, value, session));
        return binds;
    }
}
