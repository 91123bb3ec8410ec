package dev.softdelete.hibernate.internal.read;

import dev.softdelete.hibernate.internal.scope.Visibility;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.sql.ast.SqlAstJoinType;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.from.TableGroupJoin;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.select.QuerySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Right and full joins. Hibernate puts the restriction of a joined entity in the join's {@code on}
 * clause and that of a query root in the {@code where} clause; for an inner or left join that is
 * right, but the preserved side of a right (or full) join keeps its deleted rows when the restriction
 * is only in the {@code on} clause, and a deleted row of the other side, matched there, removes the
 * row through the {@code where} clause instead of leaving {@code null} in its place.
 * <p>
 * In the default visibility both are repaired by adding, never removing: the right side's restriction
 * goes into the {@code where} clause as well, and the left side's into the join's {@code on} clause.
 * {@code marker is null} is true for a side that the outer join left empty, so the rows an outer join
 * pads with nulls stay. {@code unfiltered()} needs nothing; inside {@code onlyDeleted()} the join is
 * left as Hibernate built it (it may omit rows, never show a live one; see the guide).
 */
final class OuterJoinRestrictions {

    private OuterJoinRestrictions() {
    }

    static void apply(QuerySpec query, Visibility visibility) {
        if (visibility != Visibility.LIVE) {
            return;
        }
        for (TableGroup root : query.getFromClause().getRoots()) {
            List<TableGroup> left = new ArrayList<>();
            left.add(root);
            visitJoins(root, left, query, visibility);
        }
    }

    private static void visitJoins(TableGroup group, List<TableGroup> left, QuerySpec query, Visibility visibility) {
        List<TableGroupJoin> joins = new ArrayList<>(group.getNestedTableGroupJoins());
        joins.addAll(group.getTableGroupJoins());
        for (TableGroupJoin join : joins) {
            TableGroup joined = join.getJoinedGroup();
            if (!joined.isInitialized()) {
                continue;
            }
            SqlAstJoinType type = join.getJoinType();
            if (type == SqlAstJoinType.RIGHT || type == SqlAstJoinType.FULL) {
                for (TableGroup leftGroup : left) {
                    restrict(leftGroup, visibility, join::applyPredicate);
                }
                restrict(joined, visibility, query::applyPredicate);
            }
            left.add(joined);
            visitJoins(joined, left, query, visibility);
        }
    }

    private static void restrict(TableGroup group, Visibility visibility, Consumer<Predicate> target) {
        EntityMappingType entity = entityOf(group);
        if (entity != null && entity.getAuxiliaryMapping() instanceof MarkerAuxiliaryMapping marker) {
            target.accept(marker.restrictionOf(entity, group, visibility));
        }
    }

    private static EntityMappingType entityOf(TableGroup group) {
        if (group.getModelPart() instanceof PluralAttributeMapping collection) {
            // a one-to-many: the collection's table is the element's; a join table stays as Hibernate built it
            return collection.getSeparateCollectionTable() == null
                    && collection.getElementDescriptor().getPartMappingType() instanceof EntityMappingType element
                    ? element : null;
        }
        return group.getModelPart() instanceof EntityValuedModelPart entity ? entity.getEntityMappingType() : null;
    }
}
