package dev.softdelete.it.unique;

import dev.softdelete.it.model.UniqueUser;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Once a deleted row and a live row share a natural id, natural-id loads return the live one. */
class NaturalIdUniqueTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueUser.class);

    private static Long persist(String username) {
        return db.fromTransaction(s -> {
            UniqueUser user = new UniqueUser(username);
            s.persist(user);
            return user.getId();
        });
    }

    @Test
    @SuppressWarnings("deprecation")
    void bySimpleNaturalIdReturnsTheLiveRowWhenADeletedRowSharesTheNaturalId() {
        // GIVEN
        Long old = persist("john");
        db.inTransaction(s -> s.remove(s.find(UniqueUser.class, old)));
        Long fresh = persist("john");

        // WHEN
        UniqueUser found = db.fromTransaction(s -> s.bySimpleNaturalId(UniqueUser.class).load("john"));

        // THEN
        assertThat(found).isNotNull();
        assertThat(found.getId()).isEqualTo(fresh);
        assertThat(found.isDeleted()).isFalse();
    }

    @Test
    @SuppressWarnings("deprecation")
    void bySimpleNaturalIdReturnsTheLiveRowInTheSessionThatDeletedTheOldOne() {
        // GIVEN
        Long old = persist("john");

        // WHEN
        UniqueUser found = db.fromTransaction(s -> {
            s.remove(s.find(UniqueUser.class, old));
            s.flush();
            s.persist(new UniqueUser("john"));
            s.flush();
            return s.bySimpleNaturalId(UniqueUser.class).load("john");
        });

        // THEN
        assertThat(found.getId()).isNotEqualTo(old);
        assertThat(found.isDeleted()).isFalse();
    }
}
