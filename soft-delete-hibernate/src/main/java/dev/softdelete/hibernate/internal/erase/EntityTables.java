package dev.softdelete.hibernate.internal.erase;

import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables that may hold rows of a type: its own and its subclasses' (JOINED subclass tables,
 * secondary tables, TABLE_PER_CLASS tables), ordered so that a table is deleted from before the
 * table its key references: the deepest subclass tables first, the root table last.
 */
final class EntityTables {

    /** One table and its key column. */
    record Table(String name, String keyColumn, int depth) {
    }

    private EntityTables() {
    }

    static List<Table> of(EntityPersister type) {
        Map<String, Table> tables = new LinkedHashMap<>();
        add(type, tables);
        for (String subclass : type.getSubclassEntityNames()) {
            add(type.getFactory().getMappingMetamodel().getEntityDescriptor(subclass), tables);
        }
        List<Table> ordered = new ArrayList<>(tables.values());
        ordered.sort(Comparator.comparingInt(Table::depth).reversed());
        return ordered;
    }

    // getTableName(int) is deprecated since 6.2, not for removal; it lists a JOINED entity's tables with their key columns as this needs
    @SuppressWarnings("deprecation")
    private static void add(EntityPersister persister, Map<String, Table> tables) {
        for (int j = 0; j < persister.getTableSpan(); j++) {
            String[] key = persister.getKeyColumns(j);
            Table table = new Table(persister.getTableName(j), key[0], j);
            tables.merge(table.name(), table, (a, b) -> a.depth() >= b.depth() ? a : b);
        }
    }
}
