package dev.softdelete.hibernate.internal.session;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteHistory;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.internal.collection.ScopeReads;
import dev.softdelete.hibernate.internal.erase.Eraser;
import dev.softdelete.hibernate.internal.history.HistoryQueries;
import dev.softdelete.hibernate.internal.impact.BulkDeleteImpact;
import dev.softdelete.hibernate.internal.impact.DeleteImpact;
import dev.softdelete.hibernate.internal.impact.RestoreImpact;
import dev.softdelete.hibernate.internal.restore.Restorer;
import dev.softdelete.hibernate.internal.restore.RootsRestore;
import dev.softdelete.hibernate.internal.scope.ReasonScope;
import dev.softdelete.hibernate.internal.scope.SessionState.RowKey;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.scope.VisibilityScope;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionDelegatorBaseImpl;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link SoftDeleteSession} implementation: a delegating Hibernate session (the one SPI class
 * to touch when a 7.x minor changes {@code SessionDelegatorBaseImpl}) plus the soft-delete
 * operations.
 */
// unchecked: Hibernate's SessionDelegatorBaseImpl returns a raw NativeQueryImplementor from createNativeQuery;
// try: a scope is opened for its effect and never read
@SuppressWarnings({"unchecked", "try"})
public final class SoftDeleteSessionImpl extends SessionDelegatorBaseImpl implements SoftDeleteSession {

    private static final SoftDeleteScope NO_OP = () -> { };

    private final SoftDeleteService service;
    private final EntityArguments arguments;

    private SoftDeleteSessionImpl(SessionImplementor delegate) {
        super(delegate);
        this.service = delegate.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        this.arguments = new EntityArguments(delegate, service);
    }

    public static SoftDeleteSession wrap(Session session) {
        Objects.requireNonNull(session, "session");
        if (session instanceof SoftDeleteSession softDeleteSession) {
            return softDeleteSession;
        }
        if (session instanceof SessionImplementor implementor) {
            return new SoftDeleteSessionImpl(implementor);
        }
        try {
            return new SoftDeleteSessionImpl(session.unwrap(SessionImplementor.class));
        }
        catch (PersistenceException | ClassCastException e) {
            throw new IllegalArgumentException("softdelete: SoftDeleteSession.wrap needs a Hibernate ORM session;"
                    + " " + session.getClass().getName() + " does not unwrap to one", e);
        }
    }

    public static SoftDeleteSession wrap(EntityManager entityManager) {
        Objects.requireNonNull(entityManager, "entityManager");
        if (entityManager instanceof Session session) {
            return wrap(session);
        }
        Session session;
        try {
            session = entityManager.unwrap(Session.class);
        }
        catch (PersistenceException e) {
            throw new IllegalArgumentException("softdelete: SoftDeleteSession.wrap needs an EntityManager backed by"
                    + " Hibernate ORM; " + entityManager.getClass().getName() + " is not", e);
        }
        return wrap(session);
    }

    @Override
    public SoftDeleteScope unfiltered() {
        return openVisibility(Visibility.ALL);
    }

    @Override
    public SoftDeleteScope onlyDeleted() {
        return openVisibility(Visibility.DELETED);
    }

    private SoftDeleteScope openVisibility(Visibility visibility) {
        checkOpen();
        service.noteUserScopes();
        // with softdelete off every row is visible already
        return service.isEnabled()
                ? VisibilityScope.open(delegate(), service.stateOf(delegate()).visibilityScopes(), visibility,
                        () -> ScopeReads.track(delegate(), service.stateOf(delegate())))
                : NO_OP;
    }

    @Override
    public <T> T unfiltered(Supplier<T> work) {
        try (SoftDeleteScope scope = unfiltered()) {
            return work.get();
        }
    }

    @Override
    public <T> T onlyDeleted(Supplier<T> work) {
        try (SoftDeleteScope scope = onlyDeleted()) {
            return work.get();
        }
    }

    @Override
    public SoftDeleteScope deletingBecause(String reason) {
        Objects.requireNonNull(reason, "reason");
        checkOpen();
        return new ReasonScope(service.stateOf(delegate()), reason);
    }

    @Override
    public boolean hardDelete(Object entity) {
        Objects.requireNonNull(entity, "softdelete: hardDelete(null): there is no entity to delete (a find() returns"
                + " null for a soft-deleted row); pass the class and the id instead: hardDelete(Customer.class, id)");
        EntityPersister persister = arguments.persisterOf(entity);
        if (arguments.typeOf(persister) == null) {
            if (!delegate().contains(entity)) {
                // a detached instance of a plain entity: delete its row, as the soft-deletable path does
                return hardDelete(persister.getMappedClass(), persister.getIdentifier(entity, delegate()));
            }
            delegate().remove(entity);
            return true;
        }
        Object id = persister.getIdentifier(entity, delegate());
        if (sessionFilters() && ofRowClass(persister, id) == null) {
            return false; // a detached instance of a row this session's filters hide (another tenant's)
        }
        return erase(persister, id, entity);
    }

    @Override
    public boolean hardDelete(Class<?> entityClass, Object id) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(id, "id");
        EntityPersister persister = arguments.persisterFor(entityClass);
        Object key = arguments.idOf(persister, id);
        if (arguments.typeOf(persister) == null) {
            Object entity = delegate().find(entityClass, key);
            if (entity == null) {
                return false;
            }
            delegate().remove(entity);
            return true;
        }
        EntityPersister ofRow = ofRowClass(persister, key);
        return ofRow != null && erase(ofRow, key, null);
    }

    private boolean erase(EntityPersister persister, Object id, Object entity) {
        checkOpen();
        if (!delegate().isTransactionInProgress()) {
            throw new TransactionRequiredException("softdelete: hardDelete of " + persister.getEntityName()
                    + " needs an active transaction");
        }
        // the erase reads the tables: what the session changed must be there first
        delegate().flush();
        return switch (new Eraser(delegate(), service).erase(persister, id)) {
            case ERASED -> true;
            case ABSENT -> false;
            case ROW_BY_ROW -> eraseRowByRow(persister, id, entity);
        };
    }

    /** Hibernate's own cascade, each row it reaches hard-deleted, where SQL cannot follow the cascade. */
    private boolean eraseRowByRow(EntityPersister persister, Object id, Object entity) {
        Object managed = entity != null && delegate().contains(entity) ? entity
                : unfiltered(() -> delegate().find(persister.getMappedClass(), id));
        service.stateOf(delegate()).requestHardDelete(new RowKey(persister.getRootEntityName(), id));
        delegate().remove(managed);
        delegate().flush();
        return true;
    }

    @Override
    public boolean restore(Object entity, RestoreOption... options) {
        Objects.requireNonNull(entity, "entity");
        if (entity instanceof Class<?> entityClass) {
            // restore(Customer.class, null) binds here, null being taken for the options array
            throw new IllegalArgumentException("softdelete: restore(" + entityClass.getSimpleName()
                    + ".class, null): the id is null; pass the id of the row to restore");
        }
        EntityPersister persister = arguments.persisterOf(entity);
        Object id = persister.getIdentifier(entity, delegate());
        boolean restored = restoreRow(persister, id, options);
        if (restored && !delegate().contains(entity)) {
            // a detached instance: clear its marker so it says what the table says
            Restorer.clearInMemory(persister, arguments.requireType(persister), entity);
        }
        return restored;
    }

    @Override
    public boolean restore(Class<?> entityClass, Object id, RestoreOption... options) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(id, "id");
        EntityPersister persister = arguments.persisterFor(entityClass);
        return restoreRow(persister, arguments.idOf(persister, id), options);
    }

    @Override
    public int restoreDeletedSince(Class<?> entityClass, Instant since, RestoreOption... options) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(since, "since");
        checkOpen();
        EntityPersister persister = arguments.persisterFor(entityClass);
        arguments.requireType(persister);
        flushBeforeScope();
        try (SoftDeleteScope scope = unfiltered()) {
            return new RootsRestore(delegate(), service, options).restoreDeletedSince(persister, since);
        }
    }

    @Override
    public int restoreAll(Class<?> entityClass, Collection<?> ids, RestoreOption... options) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(ids, "ids");
        checkOpen();
        EntityPersister persister = arguments.persisterFor(entityClass);
        arguments.requireType(persister);
        List<Object> keys = new ArrayList<>(ids.size());
        for (Object id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("softdelete: restoreAll(" + entityClass.getSimpleName()
                        + ".class, ids): the ids contain null; pass the ids of the rows to restore. Nothing was changed.");
            }
            keys.add(arguments.idOf(persister, id));
        }
        if (keys.isEmpty()) {
            return 0;
        }
        flushBeforeScope();
        try (SoftDeleteScope scope = unfiltered()) {
            return new RootsRestore(delegate(), service, options).restoreAll(persister, keys);
        }
    }

    @Override
    public Impact previewDelete(Object entity) {
        EntityPersister persister = persisterOfEntity(entity);
        return previewDelete(persister.getMappedClass(), persister.getIdentifier(entity, delegate()));
    }

    @Override
    public Impact previewDelete(Class<?> entityClass, Object id) {
        EntityPersister persister = previewed(entityClass, id);
        Object key = arguments.idOf(persister, id);
        EntityPersister ofRow = ofRowClass(persister, key);
        return ofRow == null ? new Impact(Impact.Operation.DELETE, List.of(), List.of(), List.of())
                : new DeleteImpact(delegate(), service).preview(ofRow, key);
    }

    @Override
    public Impact previewBulkDelete(String hqlDelete, Map<String, ?> parameters) {
        Objects.requireNonNull(hqlDelete, "hqlDelete");
        Objects.requireNonNull(parameters, "parameters");
        checkOpen();
        return new BulkDeleteImpact(delegate(), service, parameters).preview(hqlDelete);
    }

    @Override
    public Impact previewRestore(Object entity) {
        EntityPersister persister = persisterOfEntity(entity);
        return previewRestore(persister.getMappedClass(), persister.getIdentifier(entity, delegate()));
    }

    @Override
    public Impact previewRestore(Class<?> entityClass, Object id) {
        EntityPersister persister = previewed(entityClass, id);
        Object key = arguments.idOf(persister, id);
        EntityPersister ofRow = ofRowClass(persister, key);
        return ofRow == null ? new Impact(Impact.Operation.RESTORE, List.of(), List.of(), List.of())
                : new RestoreImpact(delegate(), service).preview(ofRow, key);
    }

    @Override
    public SoftDeleteHistory history() {
        checkOpen();
        return new HistoryQueries(delegate(), service);
    }

    /** Checks a preview's arguments; pending changes are flushed, as before a query, so that the preview sees them. */
    private EntityPersister previewed(Class<?> entityClass, Object id) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(id, "id");
        checkOpen();
        EntityPersister persister = arguments.persisterFor(entityClass);
        arguments.requireType(persister);
        if (delegate().isTransactionInProgress()) {
            delegate().flush();
        }
        return persister;
    }

    private EntityPersister persisterOfEntity(Object entity) {
        Objects.requireNonNull(entity, "softdelete: no entity to preview (a find() returns null for a soft-deleted"
                + " row); pass the class and the id instead");
        if (entity instanceof Class<?> entityClass) {
            throw new IllegalArgumentException("softdelete: " + entityClass.getSimpleName() + ".class is not an entity"
                    + " instance; pass the class and the id: previewDelete(" + entityClass.getSimpleName() + ".class, id)");
        }
        return arguments.persisterOf(entity);
    }

    private boolean restoreRow(EntityPersister persister, Object id, RestoreOption... options) {
        checkOpen();
        arguments.requireType(persister);
        flushBeforeScope();
        try (SoftDeleteScope scope = unfiltered()) {
            EntityPersister ofRow = ofRowClass(persister, id);
            return ofRow != null && new Restorer(delegate(), service, options).restore(ofRow, id);
        }
    }

    /**
     * The persister of the row's own class, where the caller named a class of a hierarchy: a subclass's
     * cascades and parents apply to its rows, and a row of another branch (a bird named as a fish) is no
     * row of the class. The query is an HQL query, so the session's own filters apply to it: a row that
     * they hide even in {@code unfiltered()} (another tenant's, with {@code @TenantId}) is no row of the
     * class either; the library's own SQL below works by id and would not know. One query, made only for
     * classes in a hierarchy and for sessions with filters.
     *
     * @return the persister, or null when no row of the class has the id
     */
    private EntityPersister ofRowClass(EntityPersister persister, Object id) {
        if (persister.getSubclassEntityNames().size() <= 1 && persister.getSuperMappingType() == null
                && !sessionFilters()) {
            return persister;
        }
        List<Object> rowClass = unfiltered(() -> delegate().createSelectionQuery("select type(e) from "
                + persister.getEntityName() + " e where id(e) = :id", Object.class).setParameter("id", id).getResultList());
        return rowClass.isEmpty() ? null : arguments.persisterFor((Class<?>) rowClass.get(0));
    }

    /** Whether the session has filters on (Hibernate's tenant filter, say), which the library's own SQL must honour. */
    private boolean sessionFilters() {
        return delegate().getLoadQueryInfluencers().hasEnabledFilters();
    }

    /**
     * A restore reads below every scope, so it flushes pending changes first; it does so before its
     * unfiltered scope opens, because Hibernate refuses to rewrite a changed bag while a filter is on.
     */
    private void flushBeforeScope() {
        delegate().flush();
    }
}
