package dev.softdelete.hibernate.internal.update;

import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.metamodel.mapping.TableDetails;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;
import org.hibernate.persister.entity.mutation.UpdateCoordinatorStandard;
import org.hibernate.sql.model.MutationOperation;
import org.hibernate.sql.model.ast.MutatingTableReference;
import org.hibernate.sql.model.ast.builder.AbstractTableUpdateBuilder;
import org.hibernate.sql.model.ast.builder.TableUpdateBuilderStandard;

import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hibernate's standard update, with every table's UPDATE restricted to rows in one state, live or
 * deleted: {@code marker is null} on the table holding the marker, and an {@code exists} on that
 * table from the others (the subclass tables of a JOINED hierarchy, secondary tables). Custom SQL
 * ({@code @SQLUpdate}) and optional secondary tables are written as the application mapped them.
 */
abstract sealed class RowStateUpdateCoordinator extends UpdateCoordinatorStandard {

    /*
     * Filled by the first call of newTableUpdateBuilder, which the super constructor makes: a field
     * initializer would run after it and empty the map again, hence none.
     */
    private ConcurrentMap<String, String> restrictions;

    private RowStateUpdateCoordinator(EntityPersister persister) {
        super(persister, persister.getFactory());
    }

    /** Whether this coordinator updates deleted rows rather than live ones; constant per subclass. */
    abstract boolean updatesDeletedRows();

    @Override
    protected <O extends MutationOperation> AbstractTableUpdateBuilder<O> newTableUpdateBuilder(
            EntityTableMapping table) {
        return new TableUpdateBuilderStandard<>(entityPersister(), new MutatingTableReference(table), factory(),
                restrictionOf(table));
    }

    private String restrictionOf(EntityTableMapping table) {
        if (restrictions == null) {
            restrictions = new ConcurrentHashMap<>();
        }
        return restrictions.computeIfAbsent(table.getTableName(), name -> restriction(table));
    }

    private String restriction(EntityTableMapping table) {
        EntityPersister persister = entityPersister();
        MarkerColumns columns = MarkerColumns.of(persister, factory().getServiceRegistry()
                .requireService(SoftDeleteService.class).typeOf(persister.getEntityName()));
        String state = updatesDeletedRows() ? " is not null" : " is null";
        if (table.getTableName().equals(columns.table())) {
            return columns.marker().getSelectionExpression() + state;
        }
        // the marker lives in the identifier table (the root's, in a JOINED hierarchy); this runs while
        // the persister is being built, before its table details can be asked for
        TableDetails.KeyDetails markerKey = persister.getIdentifierTableMapping().getKeyDetails();
        StringJoiner sameRow = new StringJoiner(" and ");
        table.getKeyDetails().forEachKeyColumn((position, column) -> sameRow.add("sd_row."
                + markerKey.getKeyColumn(position).getColumnName() + " = " + table.getTableName() + "."
                + column.getColumnName()));
        return "exists (select 1 from " + columns.table() + " sd_row where " + sameRow + " and sd_row."
                + columns.marker().getSelectionExpression() + state + ")";
    }

    /** Updates rows whose marker is null. */
    static final class LiveRowUpdates extends RowStateUpdateCoordinator {
        LiveRowUpdates(EntityPersister persister) {
            super(persister);
        }

        @Override
        boolean updatesDeletedRows() {
            return false;
        }
    }

    /** Updates rows whose marker is set: what an admin changes in an unfiltered or onlyDeleted scope. */
    static final class DeletedRowUpdates extends RowStateUpdateCoordinator {
        DeletedRowUpdates(EntityPersister persister) {
            super(persister);
        }

        @Override
        boolean updatesDeletedRows() {
            return true;
        }
    }
}
