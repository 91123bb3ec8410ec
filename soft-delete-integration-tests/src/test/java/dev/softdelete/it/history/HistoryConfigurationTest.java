package dev.softdelete.it.history;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.SoftDeleteSchema;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history table as a schema managed by hand gets it from {@code SoftDeleteSchema}; the settings'
 * errors; a failing listener cannot undo a commit; a StatelessSession delete is recorded too.
 */
class HistoryConfigurationTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class)
            .with(SoftDeleteSettings.HISTORY, "table")
            .with(SoftDeleteSettings.HISTORY_LISTENER, (HistoryListener) entries -> {
                throw new IllegalStateException("the audit system is down");
            });

    private long blog() {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("b");
            blog.post("p");
            s.persist(blog);
            return blog.getId();
        });
    }

    @Test
    void theTablePrintedBySoftDeleteSchemaIsTheOneTheLibraryWritesAndReads() {
        List<String> statements = SoftDeleteSchema.of(db.sessionFactory()).historyStatements();
        Map<String, String> createdBySchemaTool = columns();
        db.update("drop table softdelete_history");
        statements.forEach(db::update);
        assertThat(columns()).isEqualTo(createdBySchemaTool).hasSize(10);
        long id = blog();

        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));

        List<HistoryEntry> history = db.fromTransaction(s -> s.history().ofRow(CascadeBlog.class, id));
        assertThat(history).extracting(HistoryEntry::kind)
                .containsExactly(HistoryEntry.Kind.DELETE, HistoryEntry.Kind.CASCADE);
        assertThat(statements.get(0)).startsWith("create table softdelete_history (entry_id bigint not null");
    }

    /** Name, type, size and nullability of each column of the history table, as the driver reports them. */
    private static Map<String, String> columns() {
        Map<String, String> columns = new java.util.TreeMap<>();
        try (java.sql.Connection connection = TestDatabase.current().dataSource().getConnection()) {
            for (String table : List.of("softdelete_history", "SOFTDELETE_HISTORY")) {
                try (java.sql.ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
                    while (rs.next()) {
                        columns.put(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), rs.getString("TYPE_NAME")
                                + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getInt("NULLABLE"));
                    }
                }
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    @Test
    void aListenerThatFailsAfterCommitLeavesTheCommitAlone() {
        long id = blog();

        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));

        assertThat(db.rows("select id from cascade_blog where deleted_at is not null")).hasSize(1);
        assertThat(db.rows("select kind from softdelete_history")).hasSize(2);
    }

    @Test
    void aStatelessSessionDeleteIsRecordedWithoutCascade() {
        long id = blog();

        db.sessionFactory().inStatelessTransaction(s -> s.delete(s.get(CascadeBlog.class, id)));

        assertThat(db.rows("select kind, entity_id from softdelete_history")).singleElement()
                .isEqualTo(Map.of("kind", "DELETE", "entity_id", Long.toString(id)));
    }

    @Test
    void historyWithoutTheTableSaysWhichSettingToSet() {
        try (SessionFactory plain = TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), List.of(CascadeBlog.class, CascadePost.class,
                        CascadeComment.class))) {
            assertThatThrownBy(() -> plain.inSession(s -> SoftDeleteSession.wrap(s).history()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("softdelete.history=table");
        }
    }

    @Test
    void anUnknownHistorySettingFailsTheBootstrapNamingTheValues() {
        assertThatThrownBy(() -> TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(AvailableSettings.HBM2DDL_AUTO, "none", SoftDeleteSettings.HISTORY, "tabel"),
                List.of(CascadeBlog.class, CascadePost.class, CascadeComment.class)).close())
                .rootCause().hasMessageContaining("softdelete.history must be 'none' or 'table', got 'tabel'");
    }
}
