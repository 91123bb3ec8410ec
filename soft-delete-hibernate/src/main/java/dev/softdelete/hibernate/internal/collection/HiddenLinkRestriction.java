package dev.softdelete.hibernate.internal.collection;

import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The condition that keeps a collection's removal of all its rows away from the rows of elements the
 * collection cannot see: {@code and not exists (select 1 from target t where t.id = link.target_id
 * and t.deleted_at is not null)} on a join table, or {@code and deleted_at is null} where the
 * element's own table holds the link (a one-to-many whose foreign key sits in the element's table).
 * Names only, from the mapping model: the condition has no parameter.
 *
 * @param collectionTable the table the removal writes, as Hibernate renders it
 * @param outerColumns    the columns of that table that identify the element
 * @param markerTable     the table holding the element's marker (for a TABLE_PER_CLASS hierarchy, the
 *                        union of its tables)
 * @param innerColumns    the columns of the marker table matching {@code outerColumns}
 * @param marker          the marker column
 * @param byElementId     whether {@code outerColumns} hold the element's id (not another unique key)
 */
record HiddenLinkRestriction(String collectionTable, List<String> outerColumns, String markerTable,
        List<String> innerColumns, String marker, boolean byElementId) {

    private static final Logger LOG = Logger.getLogger(HiddenLinkRestriction.class);

    /**
     * The restriction of a collection of soft-deletable entities; null when its elements are not
     * soft-deletable, or when their link is not made of plain columns Hibernate writes on a table of
     * the element's (a formula, a foreign key to columns of another table).
     */
    static HiddenLinkRestriction of(CollectionPersister persister, String collectionTable, SoftDeleteService service) {
        PluralAttributeMapping plural = persister.getAttributeMapping();
        if (!(plural.getElementDescriptor() instanceof EntityValuedModelPart element)) {
            return null;
        }
        EntityMappingType target = element.getEntityMappingType();
        SoftDeletableType type = service.typeOf(target.getEntityName());
        if (type == null) {
            return null;
        }
        MarkerColumns markerColumns = MarkerColumns.of(target, type);
        String markerTable = markerColumns.table();
        List<String> markerKey = keyColumns(target);
        List<String> outer;
        List<String> inner;
        if (plural.getSeparateCollectionTable() != null && element instanceof Association manyToMany) {
            // join table: its element columns reference the target's id, or another unique key
            ForeignKeyDescriptor key = manyToMany.getForeignKeyDescriptor();
            outer = columns(key.getKeyPart());
            inner = key.getTargetTable().equals(markerTable) ? columns(key.getTargetPart())
                    : key.getTargetPart() instanceof EntityIdentifierMapping ? markerKey : null;
        }
        else {
            // one-to-many: the element's own row, found by its key in the table holding the owner's id
            outer = keyColumnsIn(target.getEntityPersister(), collectionTable, markerKey);
            inner = markerKey;
        }
        if (outer == null || inner == null || outer.size() != inner.size()) {
            LOG.warnf("softdelete cannot keep the links of %s to deleted elements when the collection is rewritten:"
                    + " its link is not made of plain columns matching the key of %s", persister.getRole(),
                    target.getEntityName());
            return null;
        }
        return new HiddenLinkRestriction(collectionTable, outer, markerTableOf(target, markerTable), inner,
                markerColumns.marker().getSelectionExpression(), inner.equals(markerKey));
    }

    /**
     * {@code " and <condition>"}: the rows of elements the collection saw when read in the given
     * visibility; nothing for {@link Visibility#ALL}, which sees every row.
     */
    String andVisibleIn(Visibility readIn) {
        if (readIn == Visibility.ALL) {
            return "";
        }
        // LIVE sees the rows of live elements, so the hidden ones carry a marker; DELETED the other way
        String hidden = marker + (readIn == Visibility.LIVE ? " is not null" : " is null");
        String visible = marker + (readIn == Visibility.LIVE ? " is null" : " is not null");
        if (markerTable.equals(collectionTable) && outerColumns.equals(innerColumns)) {
            // the element's own row: a subquery on the table being written is refused by MariaDB/MySQL
            return " and " + visible;
        }
        StringJoiner where = new StringJoiner(" and ");
        for (int i = 0; i < innerColumns.size(); i++) {
            where.add("sd_t." + innerColumns.get(i) + " = " + collectionTable + "." + outerColumns.get(i));
        }
        where.add("sd_t." + hidden);
        return " and not exists (select 1 from " + markerTable + " sd_t where " + where + ")";
    }

    /**
     * {@code " and col in (?, ...)"}: the rows of the given elements, by their ids; only when
     * {@link #byElementId} and the link is one column.
     */
    String andOfElements(int count) {
        StringJoiner ids = new StringJoiner(", ", " and " + outerColumns.get(0) + " in (", ")");
        for (int i = 0; i < count; i++) {
            ids.add("?");
        }
        return ids.toString();
    }

    /** A TABLE_PER_CLASS hierarchy keeps each subclass's rows in its own table: read them all. */
    private static String markerTableOf(EntityMappingType target, String markerTable) {
        return target.getEntityPersister() instanceof UnionSubclassEntityPersister union
                ? union.getTableName() : markerTable;
    }

    /** The key columns of the marker table, in the order of the id's JDBC values. */
    private static List<String> keyColumns(EntityMappingType target) {
        List<String> key = new ArrayList<>();
        target.getIdentifierTableDetails().getKeyDetails()
                .forEachKeyColumn((position, column) -> key.add(column.getColumnName()));
        return key;
    }

    /** The key columns of one of the element's tables (a JOINED subclass table names them its own way). */
    // getTableName(int) is deprecated since 6.2, not for removal; it lists a JOINED entity's tables with their key columns as this needs
    @SuppressWarnings("deprecation")
    private static List<String> keyColumnsIn(EntityPersister element, String table, List<String> markerKey) {
        for (int j = 0; j < element.getTableSpan(); j++) {
            if (element.getTableName(j).equals(table)) {
                return List.of(element.getKeyColumns(j));
            }
        }
        return element.getTableName().equals(table) ? markerKey : null;
    }

    /** The plain columns of a model part; null when one of them is a formula. */
    private static List<String> columns(ModelPart part) {
        List<SelectableMapping> selectables = new ArrayList<>();
        part.forEachSelectable((index, selectable) -> selectables.add(selectable));
        List<String> names = new ArrayList<>();
        for (SelectableMapping selectable : selectables) {
            if (selectable.isFormula()) {
                return null;
            }
            names.add(selectable.getSelectionExpression());
        }
        return names;
    }
}
