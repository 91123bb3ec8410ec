package dev.softdelete.hibernate.internal;

import dev.softdelete.ActorProvider;
import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.cascade.CascadePlans;
import dev.softdelete.hibernate.internal.cascade.HardEntityCascade;
import dev.softdelete.hibernate.internal.schema.LiveUniqueKeys;
import dev.softdelete.hibernate.internal.session.SessionState;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The soft-delete state of one SessionFactory: the settings, the soft-deletable types found at
 * bootstrap, and the per-session delete state. Two instances play two roles. The one of the
 * {@code StandardServiceRegistry} collects, while a metadata build runs, what the mapping says, and
 * keeps it per build ({@link #stage}); each SessionFactory's own service registry has its own
 * instance, which the integrator fills from the build the factory comes from ({@link #adopt}). So
 * two factories built from one registry, or from one metadata, never see each other's types, and
 * nothing is static.
 */
public final class SoftDeleteService implements Service {

    private final boolean enabled;
    private final Clock clock;
    private final ActorProvider actorProvider;
    private final RetentionPolicy defaultRetention;
    private final Object foreignSqmTranslator;
    private final HardEntityCascade toHardEntity;
    private final Map<String, SoftDeletableType> typesByEntityName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cascadeAttributes = new ConcurrentHashMap<>();
    private final Set<String> hibernateCascades = ConcurrentHashMap.newKeySet();
    private final CascadePlans cascadePlans = new CascadePlans();
    private final LiveUniqueKeys uniqueKeys;
    // weak keys: a session that is never closed must not keep its state alive
    private final Map<SharedSessionContractImplementor, SessionState> sessions =
            Collections.synchronizedMap(new WeakHashMap<>());
    // weak keys: a metadata build's staged model lives as long as its bootstrap context
    private final Map<Object, SoftDeleteService> staged = Collections.synchronizedMap(new WeakHashMap<>());

    SoftDeleteService(boolean enabled, Clock clock, ActorProvider actorProvider,
            RetentionPolicy defaultRetention, HardEntityCascade toHardEntity, Object foreignSqmTranslator,
            LiveUniqueKeys uniqueKeys) {
        this.uniqueKeys = uniqueKeys;
        this.toHardEntity = toHardEntity;
        this.enabled = enabled;
        this.clock = clock;
        this.actorProvider = actorProvider;
        this.defaultRetention = defaultRetention;
        this.foreignSqmTranslator = foreignSqmTranslator;
    }

    /** A service with the same settings and no types: the one of a SessionFactory's own registry. */
    public SoftDeleteService forFactory() {
        return new SoftDeleteService(enabled, clock, actorProvider, defaultRetention, toHardEntity,
                foreignSqmTranslator, uniqueKeys.withSettingOnly());
    }

    /**
     * Keeps what the metadata build with this bootstrap context found, for the SessionFactories that
     * will be built from it; called once the mapping contributor is done.
     */
    public void stage(Object bootstrapContext) {
        SoftDeleteService model = forFactory();
        model.copyTypesFrom(this);
        staged.put(bootstrapContext, model);
    }

    /**
     * Fills this (a SessionFactory's) service with what the build of its metadata staged in the
     * registry's service; nothing when that build staged nothing (softdelete turned off).
     */
    public void adopt(SoftDeleteService registryService, Object bootstrapContext) {
        SoftDeleteService model = registryService.staged.get(bootstrapContext);
        if (model != null) {
            copyTypesFrom(model);
        }
    }

    private void copyTypesFrom(SoftDeleteService other) {
        typesByEntityName.putAll(other.typesByEntityName);
        cascadeAttributes.putAll(other.cascadeAttributes);
        hibernateCascades.addAll(other.hibernateCascades);
        uniqueKeys.copyKeysFrom(other.uniqueKeys);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public RetentionPolicy defaultRetention() {
        return defaultRetention;
    }

    /** A translator factory the application configured itself, which we cannot extend; or null. */
    public Object foreignSqmTranslator() {
        return foreignSqmTranslator;
    }

    /**
     * The instant that marks rows deleted now, cut to microseconds: the finest precision that
     * H2, PostgreSQL and MariaDB all store, so the in-memory marker equals the one in the table.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public String currentActor() {
        return actorProvider == null ? null : actorProvider.currentActor();
    }

    public void register(String entityName, SoftDeletableType type) {
        typesByEntityName.put(entityName, type);
    }

    public void clearTypes() {
        typesByEntityName.clear();
        cascadeAttributes.clear();
        hibernateCascades.clear();
    }

    public HardEntityCascade toHardEntity() {
        return toHardEntity;
    }

    /** Records the REMOVE-cascading attributes an entity declares, found at bootstrap. */
    public void registerCascades(String entityName, List<String> attributes) {
        cascadeAttributes.put(entityName, List.copyOf(attributes));
    }

    /** Records an entity whose REMOVE cascade reaches a hard entity that must be hard-deleted. */
    public void registerHibernateCascade(String entityName) {
        hibernateCascades.add(entityName);
    }

    public List<String> cascadeAttributes(String entityName) {
        return cascadeAttributes.getOrDefault(entityName, List.of());
    }

    /** The entities that declare REMOVE-cascading attributes. */
    public java.util.Collection<String> cascadeOwners() {
        return cascadeAttributes.keySet();
    }

    public boolean needsHibernateCascade(String entityName) {
        return hibernateCascades.contains(entityName);
    }

    /** The {@code softdelete.unique} setting and the live-row unique keys found at bootstrap. */
    public LiveUniqueKeys uniqueKeys() {
        return uniqueKeys;
    }

    public CascadePlans cascadePlans() {
        return cascadePlans;
    }

    /** The soft-delete description of an entity (or any entity of its hierarchy), or null. */
    public SoftDeletableType typeOf(String entityName) {
        return entityName == null ? null : typesByEntityName.get(entityName);
    }

    public boolean hasSoftDeletableTypes() {
        return !typesByEntityName.isEmpty();
    }

    /** The delete state of a session if it has one already; never creates it. */
    public SessionState existingStateOf(SharedSessionContractImplementor session) {
        synchronized (sessions) {
            return sessions.get(session);
        }
    }

    /** The delete state of a session, created (and hooked to its flushes) on first use. */
    public SessionState stateOf(SharedSessionContractImplementor session) {
        synchronized (sessions) {
            SessionState state = sessions.get(session);
            if (state == null) {
                state = new SessionState(() -> sessions.remove(session));
                sessions.put(session, state);
                session.getEventListenerManager().addListener(state);
            }
            return state;
        }
    }
}
