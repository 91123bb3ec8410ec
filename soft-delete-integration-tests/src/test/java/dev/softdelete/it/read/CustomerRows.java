package dev.softdelete.it.read;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.ReadBook;
import dev.softdelete.it.model.ReadInvoice;
import dev.softdelete.it.model.ReadNote;
import dev.softdelete.it.model.ReadShelf;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows most read tests start from: two live customers and one soft-deleted one, each committed
 * in its own transaction so that every test reads them through a fresh persistence context.
 */
public record CustomerRows(Long annId, Long bobId, Long goneId) {

    /** Every entity the read and scope tests map. */
    public static final Class<?>[] MODEL = {
        Customer.class, PurchaseOrder.class, Tag.class, ReadShelf.class, ReadBook.class, ReadInvoice.class, ReadNote.class
    };

    public static final String ANN = "ann@example.com";
    public static final String BOB = "bob@example.com";
    public static final String GONE = "gone@example.com";

    public static CustomerRows persist(TestSessionFactory db) {
        Long ann = persistCustomer(db, ANN, "Ann");
        Long bob = persistCustomer(db, BOB, "Bob");
        Long gone = persistCustomer(db, GONE, "Gone");
        db.inTransaction(s -> s.remove(s.find(Customer.class, gone)));
        // checked below Hibernate, so that "hidden" can never mean "missing"
        assertThat(db.countRows("customer")).isEqualTo(3);
        assertThat(db.row("customer", gone).get("deleted_at")).isNotNull();
        assertThat(db.rows("select id from customer where deleted_at is null")).hasSize(2);
        return new CustomerRows(ann, bob, gone);
    }

    public static Long persistCustomer(TestSessionFactory db, String email, String name) {
        return db.fromTransaction(s -> {
            Customer customer = new Customer(email, name);
            s.persist(customer);
            return customer.getId();
        });
    }

    public List<Long> all() {
        return List.of(annId, bobId, goneId);
    }
}
