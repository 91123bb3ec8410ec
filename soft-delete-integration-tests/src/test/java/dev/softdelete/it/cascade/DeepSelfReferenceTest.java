package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.it.model.CascadeTwinNode;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.RecordedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An entity that cascades to its own type (a thread of replies, a category tree) goes as deep as its
 * data: the delete, its {@code DENY} check, the restore and the previews reach every level with
 * statements that do not nest the levels above. Nested, they took 24 s for nine levels on H2 2.4 and
 * MariaDB refused some thirty ("Too high level of nesting for select").
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeepSelfReferenceTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeTwinNode.class);

    private static final int DEPTH = 40;

    /** Subqueries a statement may hold: a level's UPDATE reads its parents and one level above them. */
    private static final int MOST_SELECTS = 6;

    /** The walk's read of a level's ids ({@code LevelWalk.rebased}). */
    private static final String LEVEL_READ = "sd_level";

    private static final Pattern SELECT = Pattern.compile("\\bselect\\b", Pattern.CASE_INSENSITIVE);

    /** A chain of {@link #DEPTH} nodes, each the child of the one before, with a second child at every level. */
    private static long chain() {
        return db.fromTransaction(s -> {
            CascadeTwinNode root = new CascadeTwinNode();
            CascadeTwinNode node = root;
            for (int depth = 1; depth < DEPTH; depth++) {
                node.child();
                node = node.child();
            }
            s.persist(root);
            return root.getId();
        });
    }

    private static int rows() {
        return 1 + 2 * (DEPTH - 1);
    }

    private static long deletedRows() {
        return db.rows("select id from cascade_twin_node where deleted_at is not null").size();
    }

    private static int mostSelects(SqlRecorder sql) {
        int most = 0;
        for (RecordedStatement statement : sql.statements()) {
            Matcher matcher = SELECT.matcher(statement.sql());
            int selects = 0;
            while (matcher.find()) {
                selects++;
            }
            most = Math.max(most, selects);
        }
        return most;
    }

    @Test
    void aChainFortyLevelsDeepIsDeletedPreviewedAndRestoredWhole() {
        long root = chain();

        Impact preview = db.fromTransaction(s -> s.previewDelete(CascadeTwinNode.class, root));
        SqlRecorder deleting = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, root))));

        assertThat(preview.rows(CascadeTwinNode.class)).isEqualTo(rows());
        assertThat(deletedRows()).isEqualTo(rows());
        assertThat(mostSelects(deleting)).as("selects in one statement of the delete").isLessThanOrEqualTo(MOST_SELECTS);

        Impact restoring = db.fromTransaction(s -> s.previewRestore(CascadeTwinNode.class, root));
        boolean[] restored = new boolean[1];
        SqlRecorder restoringSql = db.record(() -> restored[0] = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, root)));

        assertThat(restoring.rows(CascadeTwinNode.class)).isEqualTo(rows());
        assertThat(restored[0]).isTrue();
        assertThat(deletedRows()).isZero();
        assertThat(mostSelects(restoringSql)).as("selects in one statement of the restore").isLessThanOrEqualTo(MOST_SELECTS);
    }

    /** {@code width} chains of {@code depth} nodes under one root: levels of {@code width} rows. */
    private static long wide(int width, int depth) {
        return db.fromTransaction(s -> {
            CascadeTwinNode top = new CascadeTwinNode();
            for (int i = 0; i < width; i++) {
                CascadeTwinNode node = top.child();
                for (int level = 1; level < depth; level++) {
                    node = node.child();
                }
            }
            s.persist(top);
            return top.getId();
        });
    }

    @Test
    void levelsWiderThanOneChunkAreWalkedInChunksAndStayFlat() {
        int width = 520;
        int depth = 8;
        long root = wide(width, depth);
        int rows = 1 + width * depth;

        SqlRecorder deleting = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, root))));
        long deleted = deletedRows();
        boolean[] restored = new boolean[1];
        SqlRecorder restoring = db.record(() -> restored[0] = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, root)));

        assertThat(deleted).isEqualTo(rows);
        assertThat(restored[0]).isTrue();
        assertThat(deletedRows()).isZero();
        assertThat(mostSelects(deleting)).as("selects in one statement of the delete").isLessThanOrEqualTo(MOST_SELECTS);
        assertThat(mostSelects(restoring)).as("selects in one statement of the restore").isLessThanOrEqualTo(MOST_SELECTS);
    }

    @Test
    void aSubtreeDeletedOnItsOwnStaysDeletedWhenTheChainAboveItIsRestored() {
        long root = chain();
        List<Object> deep = db.rows("select id from cascade_twin_node order by id").stream()
                .map(row -> row.get("id")).toList();
        long middle = ((Number) deep.get(deep.size() / 2)).longValue();
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, middle)));
        long subtree = deletedRows();
        db.inTransaction(s -> s.remove(s.find(CascadeTwinNode.class, root)));

        boolean restored = db.fromTransaction(s -> s.restore(CascadeTwinNode.class, root));

        assertThat(restored).isTrue();
        assertThat(subtree).isPositive();
        assertThat(deletedRows()).isEqualTo(subtree);
        assertThat(db.row("cascade_twin_node", middle).get("deleted_at")).isNotNull();
    }

    /**
     * pgjdbc prepares a statement on the server from its fifth execution, and PostgreSQL may then keep a
     * generic plan that tests a level's 500 ids one by one against every row: 34–45 ms a statement
     * instead of 0.6 ms on a level of a thousand rows. The level statements are sent unnamed instead, so
     * none is among the connection's server-side prepared statements, however often it ran.
     */
    @Test
    void onPostgreSqlTheLevelStatementsArePlannedForTheirIds() {
        assumeTrue(TestDatabase.current() == TestDatabase.POSTGRESQL, "pgjdbc's server-side statements only");
        long root = wide(520, 8);

        AtomicReference<List<String>> prepared = new AtomicReference<>();
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            s.remove(s.find(CascadeTwinNode.class, root));
            s.flush();
            prepared.set(s.doReturningWork(connection -> {
                List<String> statements = new ArrayList<>();
                try (Statement read = connection.createStatement();
                     ResultSet rows = read.executeQuery("select statement from pg_prepared_statements")) {
                    while (rows.next()) {
                        statements.add(rows.getString(1));
                    }
                }
                return statements;
            }));
        }));

        long levelReads = sql.statements().stream().filter(statement -> statement.sql().contains(LEVEL_READ)).count();
        assertThat(deletedRows()).isEqualTo(1 + 520 * 8);
        assertThat(levelReads).as("level reads sent, enough for pgjdbc to prepare one on the server").isGreaterThan(5);
        assertThat(prepared.get()).noneMatch(statement -> statement.contains(LEVEL_READ));
    }
}
