package dev.softdelete.it.cascade;

import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeCheckup;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeKeeper;
import dev.softdelete.it.model.JoinedCascadeTank;
import dev.softdelete.it.model.JoinedCascadeZoo;
import dev.softdelete.it.support.Columns;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models of the JOINED cascade tests, and their marker columns read straight from the tables, so
 * that a test compares whole tables before and after a cascade or a restore.
 */
final class JoinedCascadeTables {

    static final Class<?>[] MODELS = {JoinedCascadeZoo.class, JoinedCascadeAnimal.class, JoinedCascadeBird.class,
            JoinedCascadeFish.class, JoinedCascadeTank.class, JoinedCascadeCheckup.class, JoinedCascadeKeeper.class};

    /** The deletion state of one row; {@link #LIVE} for a live one. */
    record Marker(Instant at, String by, String reason) {
        static final Marker LIVE = new Marker(null, null, null);
    }

    private JoinedCascadeTables() {
    }

    /**
     * Id to marker of every row the query returns. It selects {@code id} and {@code deleted_at}, and
     * {@code deleted_by} and {@code delete_reason} where the table has them.
     */
    static Map<Long, Marker> markers(TestSessionFactory db, String sql, Object... parameters) {
        Map<Long, Marker> markers = new TreeMap<>();
        for (Map<String, Object> row : db.rows(sql, parameters)) {
            markers.put(((Number) row.get("id")).longValue(), new Marker(Columns.instant(row.get("deleted_at")),
                    (String) row.get("deleted_by"), (String) row.get("delete_reason")));
        }
        return markers;
    }

    /**
     * The rows of the query that carry the instant, compared here rather than in SQL: the drivers do
     * not agree on how to bind an {@code Instant} parameter.
     */
    static Map<Long, Marker> markedAt(TestSessionFactory db, String sql, Instant at) {
        Map<Long, Marker> marked = markers(db, sql);
        marked.values().removeIf(marker -> !at.equals(marker.at()));
        return marked;
    }

    /** The ids the query returns, as column {@code id}. */
    static Set<Long> ids(TestSessionFactory db, String sql, Object... parameters) {
        Set<Long> ids = new LinkedHashSet<>();
        db.rows(sql, parameters).forEach(row -> ids.add(((Number) row.get("id")).longValue()));
        return ids;
    }

    /**
     * The rows as a cascade should leave them: the live ones among the reached rows carry the
     * cascade's marker, every other row (deleted before, or not reached) is as it was.
     */
    static Map<Long, Marker> cascaded(Map<Long, Marker> before, Set<Long> reached, Marker marker) {
        Map<Long, Marker> after = new TreeMap<>(before);
        reached.stream().filter(id -> Marker.LIVE.equals(before.get(id))).forEach(id -> after.put(id, marker));
        return after;
    }

    /** Kind and table of each recorded statement: what must not depend on the number of children. */
    static List<String> shape(SqlRecorder sql) {
        return sql.statements().stream().map(statement -> statement.kind() + " " + statement.table()).toList();
    }
}
