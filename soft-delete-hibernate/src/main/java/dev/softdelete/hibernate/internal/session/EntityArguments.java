package dev.softdelete.hibernate.internal.session;

import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The entity classes and ids that callers pass to the session's soft-delete operations, checked and
 * converted: each mistake is an {@code IllegalArgumentException} naming the entity and the fix, rather
 * than Hibernate's exception from deep in a statement.
 */
final class EntityArguments {

    private final SessionImplementor session;
    private final SoftDeleteService service;

    EntityArguments(SessionImplementor session, SoftDeleteService service) {
        this.session = session;
        this.service = service;
    }

    /** The persister of an entity class, rather than Hibernate's {@code UnknownEntityTypeException}. */
    EntityPersister persisterFor(Class<?> entityClass) {
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(entityClass);
        if (persister == null) {
            throw new IllegalArgumentException("softdelete: " + entityClass.getName()
                    + " is not an entity of this SessionFactory; pass an @Entity class it maps");
        }
        return persister;
    }

    EntityPersister persisterOf(Object entity) {
        return session.getEntityPersister(null, entity);
    }

    /**
     * The id as the entity's id type, converted as {@code find} converts it (an {@code Integer} for a
     * {@code Long} id); one that cannot be names both types, rather than a {@code ClassCastException}.
     */
    Object idOf(EntityPersister persister, Object id) {
        if (!(persister.getIdentifierMapping() instanceof BasicValuedModelPart simpleId)) {
            return id;
        }
        Class<?> idType = simpleId.getJavaType().getJavaTypeClass();
        if (idType.isInstance(id)) {
            return id;
        }
        try {
            Object converted = simpleId.getJavaType().wrap(id, session);
            if (idType.isInstance(converted)) {
                return converted;
            }
        }
        catch (RuntimeException notConvertible) {
            // reported below, with the types involved
        }
        throw new IllegalArgumentException("softdelete: " + persister.getEntityName() + " has ids of type "
                + idType.getSimpleName() + ", got " + id + " (" + id.getClass().getSimpleName()
                + "); pass the id as " + idType.getSimpleName());
    }

    /** The entity's soft-delete mapping, or null when it has none (or the library is turned off). */
    SoftDeletableType typeOf(EntityPersister persister) {
        return service.isEnabled() ? service.typeOf(persister.getEntityName()) : null;
    }

    SoftDeletableType requireType(EntityPersister persister) {
        SoftDeletableType type = typeOf(persister);
        if (type == null) {
            throw new IllegalArgumentException("softdelete: " + persister.getEntityName() + " is not soft-deletable"
                    + (service.isEnabled() ? "; annotate its root entity with @dev.softdelete.SoftDelete"
                    : " while softdelete.enabled is false"));
        }
        return type;
    }
}
