package dev.softdelete.test;

import dev.softdelete.test.model.KitAccount;
import dev.softdelete.test.model.KitLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.HashMap;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlRecorderTest {

    final KitDatabase db = new KitDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aJdbcBatchOfThreeEntriesCountsAsThreeExecutions() {
        db.sessionFactory.inTransaction(s -> {
            s.persist(new KitAccount(1L, "a"));
            s.persist(new KitAccount(2L, "b"));
            s.persist(new KitAccount(3L, "c"));
        });

        assertThat(db.sql).has(StatementKind.INSERT, "kit_account", 3).hasStatementCount(3);
    }

    @Test
    void doWorkSqlIsRecordedWithEveryBatchEntry() {
        db.sessionFactory.inTransaction(s -> s.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into kit_label (id, name) values (?, ?)")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "l" + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }));

        assertThat(db.sql.count(StatementKind.INSERT, "KIT_LABEL")).isEqualTo(3);
    }

    @Test
    void attachWithAJdbcUrlRecordsHibernatesStatements() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitAccount(1L, "a")));
        db.sql.reset();

        db.sessionFactory.inTransaction(s -> s.remove(s.find(KitAccount.class, 1L)));

        assertThat(db.sql).hasNoHardDeletes().hasUpdates("kit_account", 1).hasStatementCount(2);
    }

    @Test
    void attachWithoutAnyConnectionSettingExplainsWhatItNeeds() {
        assertThatThrownBy(() -> SqlRecorder.attach(new HashMap<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a JDBC URL under jakarta.persistence.jdbc.url");
    }

    @Test
    void hasNoHardDeletesOnAnEntityUsesItsTableAndListsTheStatements() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitLabel(1L, "x")));
        db.sessionFactory.inTransaction(s -> s.remove(s.find(KitLabel.class, 1L)));

        assertThat(db.sql).hasNoHardDeletesOn(KitAccount.class);
        assertThatThrownBy(() -> assertThat(db.sql).hasNoHardDeletesOn(KitLabel.class))
                .hasMessageStartingWith("Expected no hard DELETE on kit_label but 1 ran; statements:")
                .hasMessageContaining("[DELETE] delete from kit_label where id=?");
    }

    @Test
    void hasNoHardDeletesOnAnEntityNeedsTheFactoryOfAnUnboundRecorder() {
        SqlRecorder unbound = SqlRecorder.create();

        assertThatThrownBy(() -> assertThat(unbound).hasNoHardDeletesOn(KitLabel.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withSessionFactory");
        assertThat(unbound).withSessionFactory(db.sessionFactory).hasNoHardDeletesOn(KitLabel.class);
    }

    @Test
    void statementCountAssertionsFailWithTheDump() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitAccount(1L, "a")));

        assertThat(db.sql).hasStatementCount(1).hasStatementCountAtMost(1);
        assertThatThrownBy(() -> assertThat(db.sql).hasStatementCount(2))
                .hasMessageStartingWith("Expected 2 statements but 1 ran:")
                .hasMessageContaining("1. [INSERT] insert into kit_account");
        assertThatThrownBy(() -> assertThat(db.sql).hasStatementCountAtMost(0))
                .hasMessageStartingWith("Expected at most 0 statements but 1 ran:");
        assertThatThrownBy(() -> assertThat(db.sql).hasUpdates("kit_account", 1))
                .hasMessageStartingWith("Expected 1 UPDATE on kit_account but 0 ran; statements:");
    }

    @Test
    void hasNoHardDeletesFailsWhenAnyDeleteRan() {
        db.sessionFactory.inTransaction(s -> s.persist(new KitLabel(1L, "x")));
        db.sessionFactory.inTransaction(s -> s.remove(s.find(KitLabel.class, 1L)));

        assertThatThrownBy(() -> assertThat(db.sql).hasNoHardDeletes())
                .hasMessageStartingWith("Expected no hard DELETE but 1 ran; statements:");
    }
}
