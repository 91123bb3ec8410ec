package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import org.hibernate.persister.entity.EntityPersister;

import java.util.List;

/**
 * One soft-deletable hierarchy as the purge sees it: its root table and marker, and the tables whose
 * rows go with (or hold back) the rows it purges.
 *
 * @param entity     the root entity
 * @param markers    the marker column and the table holding it
 * @param idColumn   the root table's single id column
 * @param dependents collection, subclass and secondary tables whose rows are deleted first, in order
 * @param guards     foreign keys of soft-deletable tables: a row still referenced by a row that stays is kept
 * @param anonymized the columns to overwrite instead of deleting the row; empty to delete
 * @param retention  the entity's retention, or the configured default
 */
record PurgeTarget(EntityPersister entity, MarkerColumns markers, String idColumn, List<KeyedTable> dependents,
        List<Guard> guards, List<AnonymizedColumn> anonymized, RetentionPolicy retention) {

    Class<?> entityClass() {
        return entity.getMappedClass();
    }

    String table() {
        return markers.table();
    }

    String markerColumn() {
        return markers.marker().getSelectionExpression();
    }

    boolean anonymizes() {
        return !anonymized.isEmpty();
    }
}
