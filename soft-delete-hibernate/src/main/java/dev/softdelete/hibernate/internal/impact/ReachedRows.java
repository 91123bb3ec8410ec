package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The rows a walk reached, per entity. A type reached by one level is counted by that level's count;
 * a type reached by several (a self-reference, or two paths to one entity) is counted once more over
 * the union of its levels' ids, so that a row two paths lead to counts once, as the operation marks
 * it once.
 */
final class ReachedRows {

    /** SQL selecting ids as column {@code sd_id}, with its parameters. */
    record Reached(String ids, Binds binds) {
    }

    private final Map<EntityPersister, List<Reached>> levels = new LinkedHashMap<>();
    private final Map<EntityPersister, Long> counts = new LinkedHashMap<>();

    void add(EntityPersister type, String ids, Binds binds, long count) {
        levels.computeIfAbsent(type, t -> new ArrayList<>()).add(new Reached(ids, binds));
        counts.merge(type, count, Long::sum);
    }

    /**
     * Whether the rows {@code ids} selects include one that no earlier level of the type reached. A
     * walk over rows that lead back to each other (an association that cascades both ways) meets the
     * same rows again, level after level, where the operation itself would find them marked already:
     * it stops there. One count, only for a type reached before.
     */
    boolean reachesNew(SharedSessionContractImplementor session, EntityPersister type, String ids, Binds binds) {
        List<Reached> earlier = levels.get(type);
        if (earlier == null) {
            return true;
        }
        Reached before = union(earlier);
        return Counts.of(session, "select count(*) from (" + ids + ") sd_new where sd_new.sd_id not in (select"
                + " sd_old.sd_id from (" + before.ids() + ") sd_old)", new Binds().addAll(binds).addAll(before.binds())) > 0;
    }

    /**
     * The rows reached so far in {@code table}: a type reached there, and SQL selecting the ids of all
     * its rows and those of the other types sharing the table, as column {@code sd_id}; empty when none.
     */
    Optional<InTable> reachedIn(String table, Function<EntityPersister, String> tableOf) {
        List<Reached> inTable = new ArrayList<>();
        EntityPersister[] some = {null};
        levels.forEach((type, reached) -> {
            if (tableOf.apply(type).equals(table)) {
                some[0] = type;
                inTable.addAll(reached);
            }
        });
        return some[0] == null ? Optional.empty() : Optional.of(new InTable(some[0], union(inTable)));
    }

    /** A type reached in a table, and the rows reached there. */
    record InTable(EntityPersister type, Reached rows) {
    }

    List<Impact.Rows> rows(SharedSessionContractImplementor session) {
        List<Impact.Rows> rows = new ArrayList<>();
        levels.forEach((type, reached) -> {
            long count = reached.size() == 1 ? counts.get(type) : distinct(session, reached);
            rows.add(new Impact.Rows(type.getEntityName(), type.getMappedClass(), count));
        });
        return rows;
    }

    private static long distinct(SharedSessionContractImplementor session, List<Reached> reached) {
        Reached all = union(reached);
        return Counts.of(session, "select count(*) from (" + all.ids() + ") sd_reached", all.binds());
    }

    private static Reached union(List<Reached> reached) {
        StringJoiner union = new StringJoiner(" union ");
        Binds binds = new Binds();
        for (Reached level : reached) {
            union.add(level.ids());
            binds.addAll(level.binds());
        }
        return new Reached(union.toString(), binds);
    }
}
