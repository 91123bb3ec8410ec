package dev.softdelete.it.schema;

import dev.softdelete.it.model.Customer;
import dev.softdelete.it.model.PlainNote;
import dev.softdelete.it.model.PurchaseOrder;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated schema indexes the deleted rows of each soft-deletable table, for the trash view and
 * the purge: a partial index on PostgreSQL, an index on the marker column elsewhere; a plain table
 * gets none. Read from the database's own catalog.
 */
class DeletedRowIndexTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(Customer.class, PurchaseOrder.class,
            dev.softdelete.it.model.Tag.class, PlainNote.class);

    @Test
    void theDeletedRowsOfEachSoftDeletableTableAreIndexed() throws SQLException {
        for (String table : new String[] {"customer", "purchase_order"}) {
            String index = table + "_deleted_idx";
            if (TestDatabase.current() == TestDatabase.POSTGRESQL) {
                assertThat(db.rows("select indexdef from pg_indexes where indexname = ?", index))
                        .singleElement().extracting(row -> (String) row.get("indexdef")).asString()
                        .contains("ON public." + table + " USING btree (id) WHERE (deleted_at IS NOT NULL)");
            }
            else if (TestDatabase.current() == TestDatabase.H2) {
                assertThat(indexes(table)).doesNotContainKey(index);
            }
            else {
                assertThat(indexes(table)).containsEntry(index, "deleted_at");
            }
        }
    }

    @Test
    void aPlainTableGetsNone() throws SQLException {
        if (TestDatabase.current() == TestDatabase.POSTGRESQL) {
            assertThat(db.rows("select indexname from pg_indexes where tablename = 'plain_note'"))
                    .noneMatch(row -> ((String) row.get("indexname")).endsWith("_deleted_idx"));
        }
        else {
            assertThat(indexes("plain_note").keySet()).noneMatch(name -> name.endsWith("_deleted_idx"));
        }
    }

    /** Index name to (first) column, lower case, from the JDBC metadata. */
    private static Map<String, String> indexes(String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.current().dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
                    while (rows.next()) {
                        if (rows.getString("INDEX_NAME") != null && rows.getString("COLUMN_NAME") != null) {
                            indexes.putIfAbsent(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                                    rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return indexes;
    }
}
