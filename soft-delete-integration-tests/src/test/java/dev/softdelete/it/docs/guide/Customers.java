package dev.softdelete.it.docs.guide;

import dev.softdelete.it.support.TestSessionFactory;

/** Creates the guide's customers; the entity's own text is a doc sample, so it has no constructor. */
final class Customers {

    private Customers() {
    }

    static Long create(TestSessionFactory db, String email) {
        return db.fromTransaction(s -> {
            Customer customer = new Customer();
            customer.email = email;
            s.persist(customer);
            return customer.id;
        });
    }
}
