package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.it.model.CascadeDiamond;
import dev.softdelete.it.model.CascadeDiamondPart;
import dev.softdelete.it.model.CascadeDiamondRow;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delete that reaches one entity by two associations (a diamond): a row on both sides is marked once
 * and counted once, its parts go and come back with it, and the walk reads no ids of its own to get
 * there. Only a type met again on its own path (a cycle) is read and walked on as bound ids; a type two
 * paths reach is no deeper than either path.
 */
class DiamondCascadeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeDiamond.class, CascadeDiamondRow.class,
            CascadeDiamondPart.class);

    /** The SQL the walk reads a level's ids with before it walks on as bound ids. */
    private static final String REBASING_READ = "sd_level";

    private static final int PARTS = 2;

    /** A diamond with a row on both sides, one on the left and one on the right, each with its parts. */
    private static long diamond() {
        return db.fromTransaction(s -> {
            CascadeDiamond top = new CascadeDiamond();
            top.row(true, true, PARTS);
            top.row(true, false, PARTS);
            top.row(false, true, PARTS);
            s.persist(top);
            return top.getId();
        });
    }

    private static long deleted(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null").size();
    }

    private static boolean readsLevelIds(SqlRecorder sql) {
        return sql.statements().stream().map(RecordedStatement::sql).anyMatch(text -> text.contains(REBASING_READ));
    }

    @Test
    void aRowBothSidesLeadToIsDeletedCountedAndRestoredOnce() {
        long top = diamond();
        long untouched = diamond();

        Impact preview = db.fromTransaction(s -> s.previewDelete(CascadeDiamond.class, top));
        SqlRecorder deleting = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeDiamond.class, top))));

        assertThat(preview.rows(CascadeDiamondRow.class)).isEqualTo(3);
        assertThat(preview.rows(CascadeDiamondPart.class)).isEqualTo(3 * PARTS);
        assertThat(deleted("cascade_diamond")).isEqualTo(1);
        assertThat(deleted("cascade_diamond_row")).isEqualTo(3);
        assertThat(deleted("cascade_diamond_part")).isEqualTo(3 * PARTS);
        assertThat(db.row("cascade_diamond", untouched).get("deleted_at")).isNull();
        assertThat(readsLevelIds(deleting)).as("the delete reads a level's ids").isFalse();

        Impact restoring = db.fromTransaction(s -> s.previewRestore(CascadeDiamond.class, top));
        boolean[] restored = new boolean[1];
        SqlRecorder restoringSql = db.record(() -> restored[0] = db.fromTransaction(s -> s.restore(CascadeDiamond.class, top)));

        assertThat(restoring.rows(CascadeDiamondRow.class)).isEqualTo(3);
        assertThat(restoring.rows(CascadeDiamondPart.class)).isEqualTo(3 * PARTS);
        assertThat(restored[0]).isTrue();
        assertThat(deleted("cascade_diamond") + deleted("cascade_diamond_row") + deleted("cascade_diamond_part")).isZero();
        assertThat(readsLevelIds(restoringSql)).as("the restore reads a level's ids").isFalse();
    }

    @Test
    void thePreviewOfADiamondReadsNoLevelIds() {
        long top = diamond();

        SqlRecorder previewing = db.record(() -> db.fromTransaction(s -> s.previewDelete(CascadeDiamond.class, top)));

        assertThat(previewing.statements()).isNotEmpty();
        assertThat(readsLevelIds(previewing)).as("the preview reads a level's ids").isFalse();
        assertThat(deleted("cascade_diamond_row")).isZero();
    }
}
