package dev.softdelete.it.kit;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.PreparedStatement;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitSqlRecorderTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class, Tag.class)
            .with("hibernate.jdbc.batch_size", 10);

    @Test
    void aBatchOfThreeInsertsCountsAsThreeExecutions() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> {
            s.persist(new Customer("a@example.com", "A"));
            s.persist(new Customer("b@example.com", "B"));
            s.persist(new Customer("c@example.com", "C"));
        }));

        assertThat(sql).has(StatementKind.INSERT, "customer", 3);
    }

    @Test
    void doWorkSqlAndItsBatchEntriesAreRecorded() {
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into tag (id, label) values (?, ?)")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "t" + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        })));

        assertThat(sql).has(StatementKind.INSERT, "tag", 3).hasStatementCount(3);
    }

    @Test
    void hasNoHardDeletesOnAnEntityFailsOnAHardDeleteOfItsTable() {
        Long id = db.fromTransaction(s -> {
            Customer customer = new Customer("h@example.com", "H");
            s.persist(customer);
            return customer.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.hardDelete(s.find(Customer.class, id))));

        assertThat(sql).hasNoHardDeletesOn(Tag.class);
        assertThatThrownBy(() -> assertThat(sql).hasNoHardDeletesOn(Customer.class))
                .hasMessageStartingWith("Expected no hard DELETE on customer but 1 ran; statements:")
                .hasMessageContaining("[DELETE] delete from customer");
    }

    @Test
    void aSoftRemoveHasNoHardDeleteOnTheEntity() {
        Long id = db.fromTransaction(s -> {
            Customer customer = new Customer("s@example.com", "S");
            s.persist(customer);
            return customer.getId();
        });

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(Customer.class, id))));

        assertThat(sql).hasNoHardDeletesOn(Customer.class).hasUpdates("customer", 1).hasStatementCountAtMost(2);
    }
}
