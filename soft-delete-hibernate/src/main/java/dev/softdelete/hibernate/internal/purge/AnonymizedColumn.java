package dev.softdelete.hibernate.internal.purge;

import org.hibernate.metamodel.mapping.BasicValuedModelPart;

/**
 * One {@code @Anonymize} attribute of an entity purged in anonymisation mode.
 *
 * @param attribute   the attribute's mapping, for its column and its JDBC binding
 * @param replacement the value written over it, or null
 */
record AnonymizedColumn(BasicValuedModelPart attribute, String replacement) {

    String column() {
        return attribute.getSelectionExpression();
    }
}
