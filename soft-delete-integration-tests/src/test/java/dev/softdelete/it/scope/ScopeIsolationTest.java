package dev.softdelete.it.scope;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.read.CustomerRows;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §4: a scope belongs to one session; other sessions, on this thread or another, keep their own visibility. */
class ScopeIsolationTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static long count(Session s) {
        return s.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
    }

    @Test
    void secondSessionOpenAtTheSameTimeIsNotAffectedByUnfilteredScope() {
        CustomerRows.persist(db);

        try (Session first = db.sessionFactory().openSession(); Session second = db.sessionFactory().openSession()) {
            SoftDeleteSession admin = SoftDeleteSession.wrap(first);
            try (SoftDeleteScope all = admin.unfiltered()) {
                assertThat(count(admin)).isEqualTo(3);

                assertThat(count(second)).isEqualTo(2);
                assertThat(second.find(dev.softdelete.it.model.Customer.class, rowsGoneId())).isNull();
            }
        }
    }

    @Test
    void secondSessionOpenAtTheSameTimeIsNotAffectedByOnlyDeletedScope() {
        CustomerRows.persist(db);

        try (Session first = db.sessionFactory().openSession(); Session second = db.sessionFactory().openSession()) {
            SoftDeleteSession admin = SoftDeleteSession.wrap(first);
            try (SoftDeleteScope trash = admin.onlyDeleted()) {
                assertThat(count(admin)).isEqualTo(1);

                assertThat(count(second)).isEqualTo(2);
            }
        }
    }

    @Test
    void scopeInSecondWrapperOfOtherSessionLeavesFirstAlone() {
        CustomerRows.persist(db);

        try (Session first = db.sessionFactory().openSession(); Session second = db.sessionFactory().openSession()) {
            SoftDeleteSession one = SoftDeleteSession.wrap(first);
            SoftDeleteSession two = SoftDeleteSession.wrap(second);
            try (SoftDeleteScope trash = one.onlyDeleted(); SoftDeleteScope all = two.unfiltered()) {
                assertThat(count(one)).isEqualTo(1);
                assertThat(count(two)).isEqualTo(3);
            }
            assertThat(count(one)).isEqualTo(2);
            assertThat(count(two)).isEqualTo(2);
        }
    }

    @Test
    void sessionOnAnotherThreadIsNotAffectedByScope() {
        CustomerRows.persist(db);

        try (Session first = db.sessionFactory().openSession()) {
            SoftDeleteSession admin = SoftDeleteSession.wrap(first);
            try (SoftDeleteScope all = admin.unfiltered()) {
                long otherThread = CompletableFuture.supplyAsync(
                        () -> db.sessionFactory().fromTransaction(ScopeIsolationTest::count)).join();

                assertThat(otherThread).isEqualTo(2);
                assertThat(count(admin)).isEqualTo(3);
            }
        }
    }

    @Test
    void wrappingTheSameSessionTwiceSharesItsVisibility() {
        CustomerRows.persist(db);

        try (Session session = db.sessionFactory().openSession()) {
            SoftDeleteSession one = SoftDeleteSession.wrap(session);
            SoftDeleteSession two = SoftDeleteSession.wrap(session);
            try (SoftDeleteScope all = one.unfiltered()) {
                // the scope is the session's, not the wrapper's: the plain session sees it too
                assertThat(count(two)).isEqualTo(3);
                assertThat(count(session)).isEqualTo(3);
            }
            assertThat(count(session)).isEqualTo(2);
        }
    }

    private static Long rowsGoneId() {
        return ((Number) db.rows("select id from customer where deleted_at is not null").get(0).get("id")).longValue();
    }
}
