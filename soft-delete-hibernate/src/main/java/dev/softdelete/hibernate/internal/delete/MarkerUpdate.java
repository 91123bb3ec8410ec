package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.internal.cascade.MarkerAssignment;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.StringJoiner;

/**
 * The SQL of the marker UPDATE of one entity type:
 * {@code update t set marker=?, operation=?, actor=?, reason=?[, version=?] where id=? [and version=?] and marker is null}.
 * Only names from the mapping model go into the text; every value is a parameter.
 */
final class MarkerUpdate {

    private final MarkerColumns columns;
    private final String versioned;
    private final String unversioned;

    MarkerUpdate(EntityPersister persister, MarkerColumns columns) {
        this.columns = columns;
        this.versioned = render(persister, columns, true);
        this.unversioned = render(persister, columns, false);
    }

    MarkerColumns columns() {
        return columns;
    }

    String sql(boolean withVersion) {
        return withVersion ? versioned : unversioned;
    }

    private static String render(EntityPersister persister, MarkerColumns columns, boolean withVersion) {
        StringBuilder set = new StringBuilder(MarkerAssignment.of(columns));
        EntityVersionMapping version = withVersion ? persister.getVersionMapping() : null;
        if (version != null) {
            set.append(", ").append(version.getSelectionExpression()).append(" = ?");
        }
        StringJoiner where = new StringJoiner(" and ");
        where.add(MarkerColumns.idRestriction(persister));
        if (version != null) {
            where.add(version.getSelectionExpression() + " = ?");
        }
        // a row already deleted by someone else is a stale delete, not a second marking
        where.add(columns.marker().getSelectionExpression() + " is null");
        return "update " + columns.table() + " set " + set + " where " + where;
    }
}
