package dev.softdelete.it.docs.readme;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first sample: the UPDATE its comment shows, the trash it lists, the restore. */
class ReadmeSampleTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class)
            .with(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> "alice");

    @Test
    void removeMarksTheRowTheTrashListsItAndRestoreBringsItBack() {
        Long id = db.sessionFactory().fromTransaction(session -> {
            Customer created = new Customer();
            session.persist(created);
            return created.id;
        });
        db.sql().reset();

        List<Customer> listed = db.sessionFactory().fromTransaction(session -> {
            Customer customer = session.find(Customer.class, id);
            // tag::readme-usage[]

            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            s.remove(customer);                       // UPDATE customer SET deleted_at = ?, delete_operation = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL
                                                      // (column names as your naming strategy makes them)
            List<Customer> trash = s.onlyDeleted(() -> s.createQuery("from Customer", Customer.class).list());
            s.restore(Customer.class, customer.id);   // live again
            // end::readme-usage[]
            return trash;
        });

        assertThat(listed).extracting(c -> c.id).containsExactly(id);
        assertThat(db.sql().statements()).extracting(st -> st.sql().toLowerCase().replaceAll("\\s+", ""))
                .contains("updatecustomersetdeleted_at=?,delete_operation=?,deleted_by=?whereid=?anddeleted_atisnull");
        assertThat(db.sql().count(StatementKind.DELETE)).isZero();
        assertThat(db.rows("select deleted_at, deleted_by from customer where id = ?", id))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("deleted_at")).isNull();
                    assertThat(row.get("deleted_by")).isNull();
                });
    }
}
