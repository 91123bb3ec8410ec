package dev.softdelete.it.collection;

import dev.softdelete.it.model.LinkShop;
import dev.softdelete.it.model.LinkVoucher;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unidirectional one-to-many with {@code @JoinColumn} links through a foreign key in the element's
 * own table: emptying or replacing the collection nulls the foreign keys of the live elements only.
 */
class OneToManyLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(LinkRows.MODEL);

    @Test
    void removeUnlinksOnlyTheRemovedVoucher() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).getVouchers()
                .removeIf(voucher -> voucher.getId().equals(rows.liveVoucher())));

        // THEN
        assertThat(rows.vouchers(db)).containsExactly(rows.deletedVoucher());
    }

    @Test
    void clearKeepsTheForeignKeyOfADeletedVoucher() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);

        // WHEN
        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).getVouchers().clear()));

        // THEN
        assertThat(rows.vouchers(db)).containsExactly(rows.deletedVoucher());
        assertThat(sql.count(StatementKind.UPDATE, "link_voucher")).as(sql.dump()).isEqualTo(1);
    }

    @Test
    void replaceKeepsTheForeignKeyOfADeletedVoucher() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);
        Long newVoucher = db.fromTransaction(s -> {
            LinkVoucher voucher = new LinkVoucher("new");
            s.persist(voucher);
            return voucher.getId();
        });

        // WHEN
        db.inTransaction(s -> s.find(LinkShop.class, rows.shop())
                .setVouchers(new HashSet<>(Set.of(s.find(LinkVoucher.class, newVoucher)))));

        // THEN
        assertThat(rows.vouchers(db)).containsExactly(rows.deletedVoucher(), newVoucher);
    }

    @Test
    void restoredVoucherIsBackInTheClearedCollection() {
        // GIVEN
        LinkRows rows = LinkRows.persist(db);
        db.inTransaction(s -> s.find(LinkShop.class, rows.shop()).getVouchers().clear());

        // WHEN
        db.inTransaction(s -> s.restore(LinkVoucher.class, rows.deletedVoucher()));

        // THEN
        List<String> codes = db.fromTransaction(s -> s.find(LinkShop.class, rows.shop()).getVouchers().stream()
                .map(LinkVoucher::getCode).toList());
        assertThat(codes).containsExactly("deleted");
    }
}
