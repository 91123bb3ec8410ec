package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.model.DetachStep;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.StringJoiner;

/**
 * The levels of rows, reached by a walk, that one association starts from: counted together, so that
 * a row reached on two levels (or two paths) counts its associated rows once.
 */
final class OwnerLevels {

    private final List<String> ids = new ArrayList<>();
    private final List<Binds> binds = new ArrayList<>();

    void add(String levelIds, Binds levelBinds) {
        ids.add(levelIds);
        binds.add(levelBinds);
    }

    /** SQL selecting the ids of every level, each once, as column {@code sd_id}. */
    String ids() {
        if (ids.size() == 1) {
            return ids.get(0);
        }
        StringJoiner union = new StringJoiner(" union ", "select sd_id from (", ") sd_owners");
        ids.forEach(union::add);
        return union.toString();
    }

    /** The parameters of {@link #ids()}, in its order. */
    Binds binds() {
        Binds all = new Binds();
        binds.forEach(all::addAll);
        return all;
    }

    /**
     * Per DETACH association, the rows whose key meets {@code condition} (a condition on the key table
     * with {@code %s} where the owners' ids go), as rows of the associated entity; associations with
     * none are left out.
     */
    static List<Impact.Rows> detachedRows(SharedSessionContractImplementor session, Map<DetachStep, OwnerLevels> owners,
            Function<DetachStep, String> condition) {
        List<Impact.Rows> rows = new ArrayList<>();
        owners.forEach((step, levels) -> {
            long count = Counts.of(session, "select count(*) from " + step.table() + " where "
                    + condition.apply(step).replace("%s", levels.ids()), levels.binds());
            if (count > 0) {
                rows.add(new Impact.Rows(step.child().getEntityName(), step.child().getMappedClass(), count));
            }
        });
        return rows;
    }
}
