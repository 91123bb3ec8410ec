package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.Anonymize;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code @Anonymize} attributes of an entity for the anonymisation mode of the purge. */
final class AnonymizedColumns {

    private AnonymizedColumns() {
    }

    /**
     * The anonymised columns of the root table of a hierarchy.
     *
     * @throws IllegalArgumentException if the entity has none, or one that cannot be anonymised
     */
    static List<AnonymizedColumn> of(SessionFactoryImplementor factory, EntityPersister root, String table) {
        EntityType<?> type = factory.getJpaMetamodel().entity(root.getEntityName());
        List<AnonymizedColumn> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            Anonymize anonymize = annotation(attribute, root.getMappedClass());
            if (anonymize == null) {
                continue;
            }
            String where = root.getEntityName() + "#" + attribute.getName();
            AttributeMapping mapping = root.findAttributeMapping(attribute.getName());
            if (!(mapping instanceof BasicValuedModelPart basic) || !table.equals(basic.getContainingTableExpression())) {
                problems.add(where + ": only basic attributes stored in the root table " + table
                        + " can be anonymised; remove @Anonymize");
                continue;
            }
            String replacement = anonymize.replacement().isEmpty() ? null : anonymize.replacement();
            if (replacement != null && basic.getJavaType().getJavaTypeClass() != String.class) {
                problems.add(where + ": @Anonymize(replacement) needs a String attribute; leave replacement"
                        + " empty to write null");
                continue;
            }
            columns.add(new AnonymizedColumn(basic, replacement));
        }
        if (columns.isEmpty() && problems.isEmpty()) {
            problems.add(root.getEntityName() + ": anonymizeInsteadOf needs at least one attribute marked"
                    + " @dev.softdelete.Anonymize");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("softdelete purge cannot anonymise:\n - " + String.join("\n - ", problems));
        }
        return List.copyOf(columns);
    }

    /** The annotation on the attribute's member, or on the field of that name under property access. */
    private static Anonymize annotation(Attribute<?, ?> attribute, Class<?> entityClass) {
        Member member = attribute.getJavaMember();
        if (member instanceof AnnotatedElement element && element.isAnnotationPresent(Anonymize.class)) {
            return element.getAnnotation(Anonymize.class);
        }
        for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(attribute.getName()).getAnnotation(Anonymize.class);
            }
            catch (NoSuchFieldException e) {
                // declared further up the hierarchy, or a property without a field of that name
            }
        }
        return null;
    }
}
