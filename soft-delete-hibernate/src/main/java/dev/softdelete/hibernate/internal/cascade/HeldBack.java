package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.cascade.ParentLocks.DeletedParent;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.model.DeletedBy;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows a cascade restore holds back: rows it would bring back but for a parent that an operation
 * it undoes marked, still deleted when their level came. Whether that parent comes back is known only
 * once the walk is over (for a restore of many roots, once every group of roots is): it may lie deeper
 * (reached later), in the same level (two rows each the other's parent), below the row itself (an
 * association that cascades both ways), or nowhere the walk goes (below a row kept deleted, or under a
 * root of a bulk delete that this restore leaves deleted). A held-back row comes back when each of its
 * deleted parents is live by then or comes back with it; else it stays deleted, as a row under a parent
 * deleted by another operation does.
 */
public final class HeldBack {

    /** A held-back row's step (the one its level was reached through) and the operations it is restored by. */
    record Held(CascadeStep step, DeletedBy deletion) {
    }

    /** Per row (its hierarchy's root entity name and its id), how it was held back. */
    private final Map<List<Object>, Held> rows = new LinkedHashMap<>();

    void add(CascadeStep step, Collection<Object> ids, DeletedBy deletion) {
        Held held = new Held(step, deletion);
        ids.forEach(id -> rows.putIfAbsent(key(step.child(), id), held));
    }

    /**
     * Removes and returns the held-back rows that may come back now. A deleted parent that the undone
     * operations marked may itself come back with them: through a held-back row (the two sides of an
     * association that cascades both ways, two twins) or through another such parent. So the rows
     * considered are the held-back ones and, transitively, their parents the undone operations marked;
     * of those, the largest set where every row's deleted parents are all in the set, and every row not
     * held back hangs below one in it (an operation's root that this restore leaves deleted hangs below
     * none). Locks every parent of those rows shared, as a restore of each on its own would; the
     * held-back rows not taken stay, for a later round.
     */
    Map<Held, List<Object>> takeReady(ParentLocks locks) {
        Map<List<Object>, Set<List<Object>>> deletedParents = new HashMap<>();
        Map<Unread, List<Object>> unread = new LinkedHashMap<>();
        rows.forEach((row, held) -> {
            deletedParents.put(row, new HashSet<>());
            unread.computeIfAbsent(new Unread(held.step().child(), held.deletion()), key -> new ArrayList<>())
                    .add(row.get(1));
        });
        while (!unread.isEmpty()) {
            Map<Unread, List<Object>> reading = new LinkedHashMap<>(unread);
            unread.clear();
            reading.forEach((rowsOf, ids) -> {
                for (List<Object> chunk : IdChunks.of(ids)) {
                    for (DeletedParent parent : locks.lockParents(rowsOf.type(), chunk, rowsOf.deletion())) {
                        List<Object> parentKey = key(parent.step().owner(), parent.id());
                        for (Set<List<Object>> ofRow : parentSets(deletedParents, rowsOf.type(), parent.child(), chunk)) {
                            ofRow.add(parentKey);
                        }
                        if (parent.byUndone() && deletedParents.putIfAbsent(parentKey, new HashSet<>()) == null) {
                            unread.computeIfAbsent(new Unread(parent.step().owner(), rowsOf.deletion()),
                                    key -> new ArrayList<>()).add(parent.id());
                        }
                    }
                }
            });
        }
        Set<List<Object>> back = new HashSet<>(deletedParents.keySet());
        boolean shrunk = true;
        while (shrunk) {
            shrunk = back.removeIf(row -> !back.containsAll(deletedParents.get(row))
                    || !rows.containsKey(row) && deletedParents.get(row).isEmpty());
        }
        Map<Held, List<Object>> taken = new LinkedHashMap<>();
        for (List<Object> row : back) {
            Held held = rows.remove(row);
            if (held != null) {
                taken.computeIfAbsent(held, key -> new ArrayList<>()).add(row.get(1));
            }
        }
        return taken;
    }

    /** Rows of a type whose parents are still to be read, and the operations whose marks count as undone. */
    private record Unread(EntityPersister type, DeletedBy deletion) {
    }

    /**
     * The deleted-parent sets of the row with this id; of every row of the chunk when the id was read
     * back in another form ({@code CHAR} padding): a row kept deleted too many is safe, one restored too
     * many is not.
     */
    private static List<Set<List<Object>>> parentSets(Map<List<Object>, Set<List<Object>>> deletedParents,
            EntityPersister type, Object child, List<Object> chunk) {
        Set<List<Object>> ofRow = deletedParents.get(key(type, child));
        return ofRow != null ? List.of(ofRow)
                : chunk.stream().map(id -> deletedParents.get(key(type, id))).filter(Objects::nonNull).toList();
    }

    private static List<Object> key(EntityPersister type, Object id) {
        return List.of(type.getRootEntityName(), id);
    }
}
