package dev.softdelete.it.boot;

import dev.softdelete.hibernate.SoftDeletableTable;
import dev.softdelete.hibernate.SoftDeleteMetadata;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.Visibility;
import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.JoinedAccount;
import dev.softdelete.it.model.JoinedSavingsAccount;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.model.TpcDocument;
import dev.softdelete.it.model.TpcInvoice;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public metadata: tables and columns of every soft-deletable entity, and a session's visibility. */
class SoftDeleteMetadataTest {

    private static final List<Class<?>> MODEL = List.of(Customer.class, PurchaseOrder.class, Tag.class,
            JoinedAccount.class, JoinedSavingsAccount.class, TpcDocument.class, TpcInvoice.class);

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(MODEL.toArray(Class<?>[]::new));

    @Test
    void describesEachSoftDeletableEntityByItsMarkerTable() {
        SoftDeleteMetadata metadata = SoftDeleteMetadata.of(db.sessionFactory());

        assertThat(metadata.table(Customer.class)).hasValue(new SoftDeletableTable(Customer.class.getName(),
                Customer.class, "customer", "id", "deleted_at", "deleted_by", "delete_reason", "delete_operation"));
        assertThat(metadata.table(PurchaseOrder.class).orElseThrow())
                .satisfies(order -> assertThat(order.deletedByColumn()).isNull())
                .satisfies(order -> assertThat(order.reasonColumn()).isNull());
        assertThat(metadata.table(JoinedSavingsAccount.class).orElseThrow().table())
                .as("a JOINED subclass's marker is in the root table").isEqualTo("joined_account");
        assertThat(metadata.table(TpcInvoice.class).orElseThrow().table())
                .as("a TABLE_PER_CLASS subclass has its own marker column").isEqualTo("tpc_invoice");
        assertThat(metadata.tables()).extracting(SoftDeletableTable::entityClass)
                .containsExactlyInAnyOrderElementsOf(MODEL);
    }

    @Test
    void aSessionsVisibilityFollowsItsScopes() {
        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            assertThat(SoftDeleteMetadata.visibility(session)).isEqualTo(Visibility.LIVE);
            try (var all = session.unfiltered()) {
                assertThat(SoftDeleteMetadata.visibility(session)).isEqualTo(Visibility.ALL);
                try (var trash = session.onlyDeleted()) {
                    assertThat(SoftDeleteMetadata.visibility(session)).isEqualTo(Visibility.DELETED);
                }
            }
            assertThat(SoftDeleteMetadata.visibility(session)).isEqualTo(Visibility.LIVE);
        }
    }

    @Test
    void aFactoryWithSoftDeleteTurnedOffHasNoSoftDeletableTable() {
        try (SessionFactory off = TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(SoftDeleteSettings.ENABLED, "false"), List.of(Tag.class))) {
            assertThat(SoftDeleteMetadata.of(off).tables()).isEmpty();
            assertThat(SoftDeleteMetadata.of(off).table(Tag.class)).isEmpty();
        }
    }
}
