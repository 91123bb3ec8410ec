package dev.softdelete.hibernate.internal.model;

import org.hibernate.metamodel.mapping.DiscriminatorValue;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.TableDetails;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Conditions that keep, among the rows of a hierarchy's root table, those of one subclass and its
 * own subclasses. An association to a subclass whose foreign key is declared higher up would
 * otherwise cascade to the siblings that share the parent.
 */
final class ChildTypes {

    private ChildTypes() {
    }

    /**
     * The condition on the root table, or null when the subclass cannot be told apart in SQL here (a
     * formula or special discriminator); the step then falls back to Hibernate's row-by-row cascade.
     */
    static String restriction(EntityPersister subclass, String rootIdColumn) {
        if (subclass instanceof JoinedSubclassEntityPersister) {
            // a row belongs to the subclass exactly when the subclass table has its key
            TableDetails own = subclass.getMappedTableDetails();
            if (own.getKeyDetails().getColumnCount() != 1) {
                return null;
            }
            return rootIdColumn + " in (select " + own.getKeyDetails().getKeyColumn(0).getColumnName() + " from "
                    + own.getTableName() + ")";
        }
        if (subclass instanceof SingleTableEntityPersister) {
            EntityDiscriminatorMapping discriminator = subclass.getDiscriminatorMapping();
            if (discriminator == null || discriminator.isFormula()) {
                return null;
            }
            // the mapping's own literals, as Hibernate renders them in its queries; no user value
            Set<String> values = new LinkedHashSet<>();
            for (String name : subclass.getSubclassEntityNames()) {
                EntityPersister type = subclass.getFactory().getMappingMetamodel().getEntityDescriptor(name);
                if (!(type.getDiscriminatorValue() instanceof DiscriminatorValue.Literal)) {
                    return null;
                }
                values.add(type.getDiscriminatorSQLValue());
            }
            return discriminator.getSelectionExpression() + " in (" + String.join(", ", values) + ")";
        }
        return null;
    }
}
