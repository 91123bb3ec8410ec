package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The optimistic check of a versionless entity mapped with {@code @OptimisticLocking(type = ALL)} or
 * {@code DIRTY}. Hibernate restricts the DELETE of such an entity to the row as it was loaded (every
 * attribute included in optimistic locking at its loaded value) and fails as stale when the row has
 * changed since; the marker UPDATE carries the same restriction, so a remove of a copy changed meanwhile
 * fails as Hibernate's own delete would, instead of deleting over a change it never saw. Columns of
 * the marker's table are compared in place; those of a secondary table through an {@code exists} on
 * it (Hibernate refuses this locking in a JOINED hierarchy). Values travel as parameters
 * ({@code is null} for a null).
 */
final class LoadedStateCheck {

    /** The conditions to add to the marker UPDATE's {@code where}, and their parameters, in order. */
    record Restriction(String sql, Binds binds) {
    }

    private LoadedStateCheck() {
    }

    /**
     * The restriction for this delete, or null where Hibernate's delete has none: an entity versioned
     * or not locked by its state, or one whose loaded state the session does not hold (a stateless
     * session, an entity not loaded in this one).
     */
    static Restriction of(EntityPersister persister, MarkerColumns columns, Object entity,
            SharedSessionContractImplementor session) {
        if (entity == null || session.isStateless() || !persister.optimisticLockStyle().isAllOrDirty()) {
            return null;
        }
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        Object[] loaded = entry == null ? null : entry.getLoadedState();
        if (loaded == null) {
            return null;
        }
        Map<String, TableCheck> tables = new LinkedHashMap<>();
        boolean[] versionable = persister.getPropertyVersionability();
        boolean oneTable = persister instanceof UnionSubclassEntityPersister;
        String marker = columns.marker().getSelectionExpression();
        for (int i = 0; i < versionable.length; i++) {
            AttributeMapping attribute = persister.getAttributeMapping(i);
            if (!versionable[i] || attribute.isPluralAttributeMapping()) {
                continue;
            }
            String table = oneTable ? columns.table() : persister.getAttributeMutationTableName(i);
            List<String> key = Arrays.asList(keyColumns(persister, table));
            boolean markerTable = table.equals(columns.table());
            attribute.breakDownJdbcValues(loaded[i], (index, value, selectable) -> {
                String column = selectable.getSelectionExpression();
                if (selectable.isFormula() || key.contains(column) || markerTable && column.equals(marker)) {
                    return; // the key and the marker are restricted by the UPDATE itself
                }
                tables.computeIfAbsent(table, name -> new TableCheck(markerTable ? "" : "sd_opt."))
                        .add(column, value, selectable.getJdbcMapping());
            }, session);
        }
        if (tables.isEmpty()) {
            return null;
        }
        StringJoiner sql = new StringJoiner(" and ");
        Binds binds = new Binds();
        String[] markerKey = keyColumns(persister, columns.table());
        for (Map.Entry<String, TableCheck> table : tables.entrySet()) {
            TableCheck check = table.getValue();
            if (table.getKey().equals(columns.table())) {
                sql.add(check.where.toString());
            }
            else {
                String[] key = keyColumns(persister, table.getKey());
                StringJoiner sameRow = new StringJoiner(" and ");
                for (int k = 0; k < key.length; k++) {
                    sameRow.add("sd_opt." + key[k] + " = " + columns.table() + "." + markerKey[k]);
                }
                String rows = "select 1 from " + table.getKey() + " sd_opt where " + sameRow;
                String same = "exists (" + rows + " and " + check.where + ")";
                // all null: an optional secondary table has no row for it, and none may be there still
                sql.add(check.anyValue ? same : "(" + same + " or not exists (" + rows + "))");
            }
            binds.addAll(check.binds);
        }
        return new Restriction(sql.toString(), binds);
    }

    /** The conditions on one table's columns: each at its loaded value. */
    private static final class TableCheck {
        private final String alias;
        private final StringJoiner where = new StringJoiner(" and ");
        private final Binds binds = new Binds();
        private boolean anyValue;

        TableCheck(String alias) {
            this.alias = alias;
        }

        void add(String column, Object value, JdbcMapping type) {
            if (value == null) {
                where.add(alias + column + " is null");
            }
            else {
                where.add(alias + column + " = ?");
                binds.add(type, value);
                anyValue = true;
            }
        }
    }

    /** The key columns of one of the entity's tables; the id columns for the one table of a TABLE_PER_CLASS type. */
    private static String[] keyColumns(EntityPersister persister, String table) {
        String[] key = MarkerColumns.keyColumnsIn(persister, table);
        return key != null ? key : persister.getIdentifierColumnNames();
    }
}
