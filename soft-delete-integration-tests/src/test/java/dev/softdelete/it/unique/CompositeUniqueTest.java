package dev.softdelete.it.unique;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.it.model.UniqueAccount;
import dev.softdelete.it.model.UniqueMember;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Composite keys: a named {@code @UniqueConstraint} and a two-attribute {@code @NaturalId}. */
class CompositeUniqueTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueAccount.class, UniqueMember.class);

    private static Long persist(Object entity, Supplier<Long> id) {
        db.inTransaction(s -> s.persist(entity));
        return id.get();
    }

    private static Long account(String tenant, String login) {
        UniqueAccount account = new UniqueAccount(tenant, login);
        return persist(account, account::getId);
    }

    private static Long member(String club, int number) {
        UniqueMember member = new UniqueMember(club, number);
        return persist(member, member::getId);
    }

    private static void delete(Class<?> type, Long id) {
        db.inTransaction(s -> s.remove(s.find(type, id)));
    }

    @Test
    void aDeletedAccountDoesNotBlockANewOneWithTheSameTenantAndLogin() {
        // GIVEN
        delete(UniqueAccount.class, account("acme", "john"));

        // WHEN
        account("acme", "john");

        // THEN
        assertThat(db.countRows("unique_account")).isEqualTo(2);
    }

    @Test
    void twoLiveAccountsWithTheSameTenantAndLoginViolateTheConstraint() {
        // GIVEN
        delete(UniqueAccount.class, account("acme", "john"));
        account("acme", "john");

        // WHEN / THEN
        assertThatThrownBy(() -> account("acme", "john")).isInstanceOf(ConstraintViolationException.class);
        assertThat(account("other", "john")).isNotNull();
    }

    @Test
    void restoringAnAccountWhoseTenantAndLoginAreTakenFailsNamingTheDeclaredConstraint() {
        // GIVEN
        Long old = account("acme", "john");
        delete(UniqueAccount.class, old);
        Long fresh = account("acme", "john");

        // WHEN / THEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(UniqueAccount.class, old)))
                .isInstanceOfSatisfying(RestoreConflictException.class, conflict -> {
                    assertThat(conflict.getConstraintName()).isEqualToIgnoringCase("uk_account_tenant_login");
                    assertThat(conflict.getColumns()).containsExactly("tenant", "login");
                    assertThat(conflict.getLiveId()).isEqualTo(fresh);
                });
        assertThat(db.row("unique_account", old).get("deleted_at")).isNotNull();
    }

    @Test
    void aDeletedMemberDoesNotBlockANewOneWithTheSameNaturalId() {
        // GIVEN
        delete(UniqueMember.class, member("chess", 7));

        // WHEN
        member("chess", 7);

        // THEN
        assertThat(db.countRows("unique_member")).isEqualTo(2);
    }

    @Test
    void twoLiveMembersWithTheSameNaturalIdViolateTheConstraint() {
        // GIVEN
        delete(UniqueMember.class, member("chess", 7));
        member("chess", 7);

        // WHEN / THEN
        assertThatThrownBy(() -> member("chess", 7)).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void restoringAMemberWhoseNaturalIdIsTakenFails() {
        // GIVEN
        Long old = member("chess", 7);
        delete(UniqueMember.class, old);
        Long fresh = member("chess", 7);

        // WHEN / THEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(UniqueMember.class, old)))
                .isInstanceOfSatisfying(RestoreConflictException.class, conflict -> {
                    assertThat(conflict.getColumns()).containsExactlyInAnyOrder("club", "number");
                    assertThat(conflict.getLiveId()).isEqualTo(fresh);
                });
        assertThat(db.row("unique_member", old).get("deleted_at")).isNotNull();
    }
}
