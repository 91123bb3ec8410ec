package dev.softdelete.it.history;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryEntry.Kind;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeHeld;
import dev.softdelete.it.model.CascadeHeldPart;
import dev.softdelete.it.model.CascadeHolderA;
import dev.softdelete.it.model.CascadeHolderB;
import dev.softdelete.it.model.CascadeRows;
import dev.softdelete.it.model.CascadeTwinNode;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The history of a restore counts the rows it brought back, not the rows it reached: a row kept deleted
 * under another deleted parent is not counted, and rows held back until the end of the walk are, once.
 */
class RestoreHistoryOfKeptRowsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeHolderA.class, CascadeHolderB.class,
            CascadeHeld.class, CascadeHeldPart.class, CascadeTwinNode.class)
            .with(SoftDeleteSettings.HISTORY, "table");

    /** Holder A, holder B, a row held by both and its part: their ids. */
    private static long[] heldByBoth() {
        return db.fromTransaction(CascadeRows::heldByBoth);
    }

    private static List<HistoryEntry> restoresOf(Class<?> type, long id) {
        List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(type, id));
        return history.stream().filter(entry -> entry.kind() == Kind.RESTORE || entry.kind() == Kind.RESTORE_CASCADE)
                .toList();
    }

    @Test
    void restoreOfSeveralRowsCountsPerOperationOnlyWhatCameBack() {
        Instant before = Instant.now().minusSeconds(3600);
        long[] kept = heldByBoth();
        long[] back = heldByBoth();
        db.inTransaction(s -> s.remove(s.find(CascadeHolderA.class, kept[0])));
        db.inTransaction(s -> s.remove(s.find(CascadeHolderA.class, back[0])));
        db.inTransaction(s -> s.remove(s.find(CascadeHolderB.class, kept[1])));

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CascadeHolderA.class, before));

        assertThat(restored).isEqualTo(2);
        assertThat(db.row("cascade_held", kept[2]).get("deleted_at")).isNotNull();
        assertThat(restoresOf(CascadeHolderA.class, kept[0]))
                .extracting(HistoryEntry::kind, HistoryEntry::entityName, HistoryEntry::rows)
                .containsExactly(tuple(Kind.RESTORE, CascadeHolderA.class.getName(), 1L));
        assertThat(restoresOf(CascadeHolderA.class, back[0]))
                .extracting(HistoryEntry::kind, HistoryEntry::entityName, HistoryEntry::rows)
                .containsExactlyInAnyOrder(tuple(Kind.RESTORE, CascadeHolderA.class.getName(), 1L),
                        tuple(Kind.RESTORE_CASCADE, CascadeHeld.class.getName(), 1L),
                        tuple(Kind.RESTORE_CASCADE, CascadeHeldPart.class.getName(), 1L));
    }

    @Test
    void restoreOfOneRowCountsTheHeldBackTwinsAndWhatCameBackBelowThem() {
        long[] ids = db.fromTransaction(CascadeRows::twinsUnderRoot);
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, ids[0])));

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, ids[0]));

        assertThat(restored).isTrue();
        assertThat(db.rows("select id from cascade_twin_node where deleted_at is not null")).isEmpty();
        assertThat(restoresOf(CascadeTwinNode.class, ids[0]))
                .extracting(HistoryEntry::kind, HistoryEntry::rows)
                .containsExactly(tuple(Kind.RESTORE, 1L), tuple(Kind.RESTORE_CASCADE, 4L));
    }
}
