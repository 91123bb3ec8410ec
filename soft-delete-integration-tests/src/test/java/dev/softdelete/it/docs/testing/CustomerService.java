package dev.softdelete.it.docs.testing;

import org.hibernate.Session;

/** The application code docs/testing.md's sample test exercises: closing an account removes the customer. */
public class CustomerService {

    private final Session session;

    public CustomerService(Session session) {
        this.session = session;
    }

    public void closeAccount(Long id) {
        session.remove(session.find(Customer.class, id));
    }
}
