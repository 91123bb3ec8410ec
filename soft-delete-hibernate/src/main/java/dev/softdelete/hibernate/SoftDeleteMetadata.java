package dev.softdelete.hibernate;

import dev.softdelete.hibernate.internal.compat.Factories;
import dev.softdelete.hibernate.internal.model.MarkerColumns;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What softdelete knows about the soft-deletable entities of one SessionFactory, read from its
 * mapping: their tables and columns, and the visibility a session reads in. For tools and tests that
 * look below the ORM, so that they need neither re-read {@code @SoftDelete} nor know the library's
 * internals.
 *
 * <pre>{@code
 * SoftDeleteMetadata metadata = SoftDeleteMetadata.of(sessionFactory);
 * SoftDeletableTable customers = metadata.table(Customer.class).orElseThrow();
 * jdbc.query("select count(*) from " + customers.table() + " where " + customers.markerColumn() + " is null");
 * if (SoftDeleteMetadata.visibility(session) != Visibility.LIVE) { ... }   // inside unfiltered() or onlyDeleted()
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SoftDeleteMetadata {

    private final Map<String, SoftDeletableTable> byEntityName;

    private SoftDeleteMetadata(Map<String, SoftDeletableTable> byEntityName) {
        this.byEntityName = byEntityName;
    }

    /**
     * The metadata of a SessionFactory; empty when softdelete is turned off for it.
     *
     * @param sessionFactory a SessionFactory of Hibernate ORM (or an {@code EntityManagerFactory} unwrapped to it)
     * @return the metadata, read once from the factory's mapping
     * @throws IllegalArgumentException if the factory is not Hibernate ORM's
     * @since 0.1.0
     */
    public static SoftDeleteMetadata of(SessionFactory sessionFactory) {
        Objects.requireNonNull(sessionFactory, "sessionFactory");
        SessionFactoryImplementor factory = Factories.implementorOf(sessionFactory, "SoftDeleteMetadata");
        SoftDeleteService service = factory.getServiceRegistry().requireService(SoftDeleteService.class);
        List<EntityPersister> persisters = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persisters::add);
        persisters.sort(Comparator.comparing(EntityPersister::getEntityName));
        Map<String, SoftDeletableTable> tables = new LinkedHashMap<>();
        for (EntityPersister persister : persisters) {
            SoftDeletableType type = service.isEnabled() ? service.typeOf(persister.getEntityName()) : null;
            if (type != null) {
                tables.put(persister.getEntityName(), describe(persister, type));
            }
        }
        return new SoftDeleteMetadata(Collections.unmodifiableMap(tables));
    }

    private static SoftDeletableTable describe(EntityPersister persister, SoftDeletableType type) {
        MarkerColumns columns = MarkerColumns.of(persister, type);
        return new SoftDeletableTable(persister.getEntityName(), persister.getMappedClass(), columns.table(),
                MarkerColumns.idColumn(persister), columns.marker().getSelectionExpression(), column(columns.actor()),
                column(columns.reason()), columns.operation());
    }

    private static String column(BasicValuedModelPart part) {
        return part == null ? null : part.getSelectionExpression();
    }

    /**
     * Every soft-deletable entity, subclasses included, by entity name.
     *
     * @return the tables, in entity-name order; empty when no entity is soft-deletable
     * @since 0.1.0
     */
    public List<SoftDeletableTable> tables() {
        return List.copyOf(byEntityName.values());
    }

    /**
     * The table of a soft-deletable entity class.
     *
     * @param entityClass an entity class of this factory
     * @return its table, or empty when the class is not a soft-deletable entity
     * @since 0.1.0
     */
    public Optional<SoftDeletableTable> table(Class<?> entityClass) {
        Objects.requireNonNull(entityClass, "entityClass");
        return byEntityName.values().stream().filter(table -> table.entityClass() == entityClass).findFirst();
    }

    /**
     * The table of a soft-deletable entity, by entity name.
     *
     * @param entityName an entity name of this factory
     * @return its table, or empty when the entity is not soft-deletable
     * @since 0.1.0
     */
    public Optional<SoftDeletableTable> table(String entityName) {
        return Optional.ofNullable(byEntityName.get(Objects.requireNonNull(entityName, "entityName")));
    }

    /**
     * The rows a session reads now: {@link Visibility#LIVE} by default, {@link Visibility#ALL} inside
     * {@code unfiltered()}, {@link Visibility#DELETED} inside {@code onlyDeleted()}.
     *
     * @param session an open session of Hibernate ORM (a {@link SoftDeleteSession} or the session it wraps)
     * @return its visibility
     * @since 0.1.0
     */
    public static Visibility visibility(Session session) {
        Objects.requireNonNull(session, "session");
        SharedSessionContractImplementor implementor = session.unwrap(SharedSessionContractImplementor.class);
        return switch (dev.softdelete.hibernate.internal.scope.Visibility.of(implementor.getLoadQueryInfluencers())) {
            case LIVE -> Visibility.LIVE;
            case ALL -> Visibility.ALL;
            case DELETED -> Visibility.DELETED;
        };
    }
}
