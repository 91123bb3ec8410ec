package dev.softdelete.it.leak;

import dev.softdelete.it.model.MatrixItem;
import dev.softdelete.it.model.MatrixOwner;
import dev.softdelete.it.model.MatrixSpecialItem;
import dev.softdelete.it.support.TestSessionFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the leak matrix: a live owner with four items (two live, two deleted; one of each a
 * special item), all four also picked by it, and a deleted owner; each owner has one note, its name.
 */
record MatrixRows(Long liveOwner, Long deletedOwner, List<Long> items) {

    static final String LIVE = "i1-live";
    static final String LIVE_SPECIAL = "i2-live-special";
    static final String DELETED = "i3-deleted";
    static final String DELETED_SPECIAL = "i4-deleted-special";
    static final String OWNER_LIVE = "owner-live";
    static final String OWNER_DELETED = "owner-deleted";

    static final Set<String> ITEMS = Set.of(LIVE, LIVE_SPECIAL, DELETED, DELETED_SPECIAL);
    static final Set<String> SPECIALS = Set.of(LIVE_SPECIAL, DELETED_SPECIAL);
    static final Set<String> OWNERS = Set.of(OWNER_LIVE, OWNER_DELETED);
    private static final Set<String> DELETED_ROWS = Set.of(DELETED, DELETED_SPECIAL, OWNER_DELETED);

    static MatrixRows persist(TestSessionFactory db) {
        MatrixRows rows = db.fromTransaction(s -> {
            MatrixOwner live = new MatrixOwner(OWNER_LIVE);
            MatrixOwner deleted = new MatrixOwner(OWNER_DELETED);
            s.persist(live);
            s.persist(deleted);
            List<MatrixItem> items = List.of(new MatrixItem(live, LIVE), new MatrixSpecialItem(live, LIVE_SPECIAL),
                    new MatrixItem(live, DELETED), new MatrixSpecialItem(live, DELETED_SPECIAL));
            items.forEach(s::persist);
            live.getPicks().addAll(items);
            s.flush();
            return new MatrixRows(live.getId(), deleted.getId(), items.stream().map(MatrixItem::getId).toList());
        });
        db.inTransaction(s -> {
            s.remove(s.find(MatrixItem.class, rows.items().get(2)));
            s.remove(s.find(MatrixItem.class, rows.items().get(3)));
            s.remove(s.find(MatrixOwner.class, rows.deletedOwner()));
        });
        assertThat(db.rows("select id from matrix_item where deleted_at is not null")).hasSize(2);
        assertThat(db.rows("select id from matrix_owner where deleted_at is not null")).hasSize(1);
        assertThat(db.countRows("matrix_owner_pick")).isEqualTo(4);
        return rows;
    }

    /** The rows of a universe a scope lets a read see. */
    static Set<String> visible(Set<String> universe, MatrixScope scope) {
        return universe.stream().filter(row -> switch (scope) {
            case DEFAULT -> !DELETED_ROWS.contains(row);
            case UNFILTERED -> true;
            case ONLY_DELETED -> DELETED_ROWS.contains(row);
        }).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The items a read through the live owner sees: none where the scope hides that owner. */
    static Set<String> itemsThroughLiveOwner(MatrixScope scope) {
        return visible(OWNERS, scope).contains(OWNER_LIVE) ? visible(ITEMS, scope) : Set.of();
    }
}
