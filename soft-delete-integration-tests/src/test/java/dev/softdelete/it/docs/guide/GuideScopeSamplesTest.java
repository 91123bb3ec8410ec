package dev.softdelete.it.docs.guide;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's sample of §4: what each scope lists, and the default view around them. */
class GuideScopeSamplesTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class);

    @Test
    void eachScopeListsWhatItsCommentSays() {
        Long id = Customers.create(db, "ann@example.com");
        Long live = Customers.create(db, "bob@example.com");
        db.inTransaction(s -> s.remove(s.find(Customer.class, id)));
        List<List<Customer>> seen = new ArrayList<>();

        db.sessionFactory().inTransaction(session -> {
            // tag::guide-scopes[]
            SoftDeleteSession s = SoftDeleteSession.wrap(session);   // or wrap(entityManager); s is a Session

            try (SoftDeleteScope all = s.unfiltered()) {             // live and deleted rows
                List<Customer> everyone = s.createQuery("from Customer", Customer.class).list();
                // end::guide-scopes[]
                seen.add(everyone);
                // tag::guide-scopes-trash[]
            }

            try (SoftDeleteScope trash = s.onlyDeleted()) {          // deleted rows only
                List<Customer> deleted = s.createQuery("from Customer c order by c.deletedAt desc", Customer.class).list();
                // end::guide-scopes-trash[]
                seen.add(deleted);
                // tag::guide-scopes-expressions[]
            }

            // the same, as one expression
            List<Customer> trash = s.onlyDeleted(() -> s.createQuery("from Customer", Customer.class).list());
            Customer any = s.unfiltered(() -> s.find(Customer.class, id));
            // end::guide-scopes-expressions[]
            seen.add(trash);
            seen.add(List.of(any));
            seen.add(s.createQuery("from Customer", Customer.class).list());
        });

        assertThat(seen.get(0)).extracting(c -> c.id).containsExactlyInAnyOrder(id, live);
        assertThat(seen.get(1)).extracting(c -> c.id).containsExactly(id);
        assertThat(seen.get(2)).extracting(c -> c.id).containsExactly(id);
        assertThat(seen.get(3)).extracting(c -> c.id).containsExactly(id);
        assertThat(seen.get(4)).as("the default view after the scopes").extracting(c -> c.id).containsExactly(live);
    }
}
