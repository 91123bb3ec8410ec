package dev.softdelete.hibernate.internal.update;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.values.GeneratedValues;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import org.hibernate.sql.model.MutationOperationGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The upsert of a soft-deletable entity ({@code StatelessSession.upsert}): Hibernate's own merge
 * statement, except that it never changes whether an existing row is deleted, nor who deleted it and
 * why. Hibernate's merge writes every insertable column, the marker, actor and reason included
 * (making them non-updatable does not keep them out of it), so a copy read while the row was live
 * brought a row deleted meanwhile back to life, and a copy carrying a marker deleted a live row with
 * no cascade and no history.
 *
 * <p>So the row's own marker, actor and reason are read first, under a write lock (a concurrent
 * delete or restore waits for this transaction, or this read for it), and the merge writes them back
 * as they are; the entity is given them too, so that it tells the caller what the row holds. A new row
 * is inserted with the values given, as {@code insert()} does.
 */
public final class MarkerKeepingMergeCoordinator implements UpdateCoordinator {

    /** The locking read of the row's marker, actor and reason, and where each goes in the entity's state. */
    private record RowState(String sql, int[] positions, JdbcMapping[] mappings) {
    }

    private final EntityPersister persister;
    private final SoftDeletableType type;
    private final UpdateCoordinator standard;
    // built on first use: the persister's table mappings do not exist yet while it creates its coordinators
    private volatile RowState rowState;

    public MarkerKeepingMergeCoordinator(EntityPersister persister, SoftDeletableType type, UpdateCoordinator standard) {
        this.persister = persister;
        this.type = type;
        this.standard = standard;
    }

    private RowState rowState() {
        RowState built = rowState;
        if (built == null) {
            MarkerColumns columns = MarkerColumns.of(persister, type);
            List<BasicValuedModelPart> kept = new ArrayList<>();
            for (BasicValuedModelPart part : new BasicValuedModelPart[] {columns.marker(), columns.actor(), columns.reason()}) {
                if (part != null) {
                    kept.add(part);
                }
            }
            int[] positions = new int[kept.size()];
            JdbcMapping[] mappings = new JdbcMapping[kept.size()];
            StringJoiner select = new StringJoiner(", ", "select ", " from " + columns.table());
            for (int i = 0; i < kept.size(); i++) {
                positions[i] = persister.findAttributeMapping(kept.get(i).getPartName()).getStateArrayPosition();
                mappings[i] = kept.get(i).getJdbcMapping();
                select.add(kept.get(i).getSelectionExpression());
            }
            built = new RowState(select + " where " + MarkerColumns.idRestriction(persister)
                    + persister.getFactory().getJdbcServices().getDialect().getForUpdateString(), positions, mappings);
            rowState = built;
        }
        return built;
    }

    @Override
    public MutationOperationGroup getStaticMutationOperationGroup() {
        return standard.getStaticMutationOperationGroup();
    }

    @Override
    public GeneratedValues update(Object entity, Object id, Object rowId, Object[] values, Object oldVersion,
            Object[] incomingOldValues, int[] dirtyAttributeIndexes, boolean hasDirtyCollection,
            SharedSessionContractImplementor session) {
        RowState state = rowState();
        List<Object[]> rows = Mutations.selectRows(session, state.sql(),
                new Binds().add(persister.getIdentifierMapping(), id, session), state.mappings());
        Object[] written = values;
        if (!rows.isEmpty()) {
            written = values.clone();
            for (int i = 0; i < state.positions().length; i++) {
                written[state.positions()[i]] = rows.get(0)[i];
                persister.setValue(entity, state.positions()[i], rows.get(0)[i]);
            }
        }
        return standard.update(entity, id, rowId, written, oldVersion, incomingOldValues, dirtyAttributeIndexes,
                hasDirtyCollection, session);
    }

    @Override
    public void forceVersionIncrement(Object id, Object currentVersion, Object nextVersion,
            SharedSessionContractImplementor session) {
        standard.forceVersionIncrement(id, currentVersion, nextVersion, session);
    }

    @Override
    public void forceVersionIncrement(Object id, Object currentVersion, Object nextVersion, boolean batching,
            SharedSessionContractImplementor session) {
        standard.forceVersionIncrement(id, currentVersion, nextVersion, batching, session);
    }
}
