package dev.softdelete.it.delete;

import dev.softdelete.it.model.EraseAccount;
import dev.softdelete.it.model.EraseBooking;
import dev.softdelete.it.model.EraseEntry;
import dev.softdelete.it.model.EraseInvoice;
import dev.softdelete.it.model.EraseProfile;
import dev.softdelete.it.model.EraseTag;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hardDelete} erases a row with what its REMOVE cascades reach, whatever their marker, set-based,
 * or refuses before writing anything when a row outside the cascade still references what would go.
 */
class EraseTest {

    private static final String[] TABLES = {"erase_account", "erase_booking", "erase_entry", "erase_profile",
            "erase_account_tag", "erase_account_email", "erase_tag", "erase_invoice"};

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(EraseAccount.class, EraseBooking.class,
            EraseEntry.class, EraseProfile.class, EraseTag.class, EraseInvoice.class);

    /** An account with a profile, a tag, an e-mail address and the given bookings × entries; its id. */
    private Long account(String name, int bookings, int entriesEach) {
        return db.fromTransaction(s -> {
            EraseTag tag = new EraseTag(name + "-tag");
            s.persist(tag);
            EraseAccount account = new EraseAccount(name);
            account.setProfile(new EraseProfile(name + "-bio"));
            account.getTags().add(tag);
            account.getEmails().add(name + "@example.com");
            for (int b = 0; b < bookings; b++) {
                EraseBooking booking = account.booking(name + "-b" + b);
                for (int e = 0; e < entriesEach; e++) {
                    booking.entry(name + "-e" + b + "." + e);
                }
            }
            s.persist(account);
            return account.getId();
        });
    }

    private List<Long> bookingIds(Long account) {
        List<Long> ids = new ArrayList<>();
        db.rows("select id from erase_booking where account_id = ? order by id", account)
                .forEach(row -> ids.add(((Number) row.values().iterator().next()).longValue()));
        return ids;
    }

    private long[] counts() {
        long[] counts = new long[TABLES.length];
        for (int i = 0; i < TABLES.length; i++) {
            counts[i] = db.countRows(TABLES[i]);
        }
        return counts;
    }

    @Test
    void erasesADeletedAccountWithWhatItsDeleteCascadedToAndWhatWasDeletedBefore() {
        // GIVEN an account whose first booking was deleted on its own before the account's delete
        Long kept = account("kept", 1, 1);
        Long id = account("gdpr", 2, 2);
        Long earlier = bookingIds(id).get(0);
        db.inTransaction(s -> s.remove(s.find(EraseBooking.class, earlier)));
        db.inTransaction(s -> s.remove(s.find(EraseAccount.class, id)));

        // WHEN
        boolean erased = db.fromTransaction(s -> s.hardDelete(EraseAccount.class, id));

        // THEN every row of the account is gone, the other account's rows stay, tags stay
        assertThat(erased).isTrue();
        assertThat(db.rows("select id from erase_account")).hasSize(1);
        assertThat(db.row("erase_account", kept)).isNotNull();
        assertThat(db.countRows("erase_booking")).isEqualTo(1);
        assertThat(db.countRows("erase_entry")).isEqualTo(1);
        assertThat(db.countRows("erase_profile")).isEqualTo(1);
        assertThat(db.countRows("erase_account_tag")).isEqualTo(1);
        assertThat(db.countRows("erase_account_email")).isEqualTo(1);
        assertThat(db.countRows("erase_tag")).isEqualTo(2);
    }

    @Test
    void theGuidesRecipeOfAnUnfilteredFindThenHardDeleteErasesTheTreeAndDetachesTheInstance() {
        // GIVEN
        Long id = account("recipe", 2, 3);
        db.inTransaction(s -> s.remove(s.find(EraseAccount.class, id)));

        // WHEN
        db.inTransaction(s -> {
            EraseAccount account = s.unfiltered(() -> s.find(EraseAccount.class, id));
            assertThat(s.hardDelete(account)).isTrue();
            assertThat(s.contains(account)).isFalse();
        });

        // THEN
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void aLiveAccountGoesWithItsLiveChildrenAsHibernatesCascadeOfAHardDeleteWould() {
        // GIVEN
        Long id = account("live", 1, 2);

        // WHEN
        boolean erased = db.fromTransaction(s -> s.hardDelete(s.find(EraseAccount.class, id)));

        // THEN
        assertThat(erased).isTrue();
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void theStatementCountGrowsWithTheDepthOfTheGraphNotWithTheNumberOfRows() {
        // GIVEN
        Long small = account("small", 1, 1);
        Long large = account("large", 10, 10);

        // WHEN
        // the test's recorder is one, reset by each record(): what it holds is read before the next
        int one = db.record(() -> db.inTransaction(s -> s.hardDelete(EraseAccount.class, small))).statements().size();
        SqlRecorder hundred = db.record(() -> db.inTransaction(s -> s.hardDelete(EraseAccount.class, large)));

        // THEN
        assertThat(hundred.statements()).as(hundred.dump()).hasSize(one);
        assertThat(hundred.count(StatementKind.DELETE, "erase_entry")).as(hundred.dump()).isEqualTo(1);
        assertThat(counts()).containsExactly(0, 0, 0, 0, 0, 0, 2, 0);
    }

    @Test
    void aRowOutsideTheCascadeThatReferencesAnErasedRowRefusesTheEraseAndNothingIsDeleted() {
        // GIVEN an invoice (no cascade) referencing a booking of the account
        Long id = account("billed", 2, 1);
        Long booking = bookingIds(id).get(1);
        Long invoice = db.fromTransaction(s -> {
            EraseInvoice created = new EraseInvoice(s.find(EraseBooking.class, booking));
            s.persist(created);
            return created.getId();
        });
        db.inTransaction(s -> s.remove(s.find(EraseAccount.class, id)));
        long[] before = counts();

        // WHEN / THEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.hardDelete(EraseAccount.class, id)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EraseAccount#" + id)
                .hasMessageContaining("EraseInvoice#" + invoice)
                .hasMessageContaining("EraseInvoice#booking")
                .hasMessageContaining("Nothing was deleted");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void erasingATagDeletesTheLinksThatPointToItAndKeepsTheAccounts() {
        // GIVEN
        Long id = account("tagged", 0, 0);
        Long tag = ((Number) db.rows("select tags_id from erase_account_tag where erase_account_id = ?", id)
                .get(0).values().iterator().next()).longValue();

        // WHEN
        boolean erased = db.fromTransaction(s -> s.hardDelete(EraseTag.class, tag));

        // THEN
        assertThat(erased).isTrue();
        assertThat(db.row("erase_tag", tag)).isNull();
        assertThat(db.countRows("erase_account_tag")).isZero();
        assertThat(db.row("erase_account", id)).isNotNull();
    }

    @Test
    void aRowThatDoesNotExistIsNotErasedAndNothingIsDeleted() {
        // WHEN
        boolean[] erased = new boolean[1];
        SqlRecorder sql = db.record(() -> erased[0] = db.fromTransaction(s -> s.hardDelete(EraseAccount.class, -1L)));

        // THEN
        assertThat(erased[0]).isFalse();
        assertThat(sql.count(StatementKind.DELETE)).as(sql.dump()).isZero();
    }
}
