package dev.softdelete.hibernate.internal.service;

import dev.softdelete.ActorProvider;
import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.internal.model.CascadePlans;
import dev.softdelete.hibernate.internal.model.HardEntityCascade;
import dev.softdelete.hibernate.internal.model.LiveUniqueKeys;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.model.SoftDeleteModel;
import dev.softdelete.hibernate.internal.scope.SessionState;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The soft-delete state of one SessionFactory: the settings, the factory's {@link SoftDeleteModel}
 * and the per-session delete state. Two instances play two roles. The one of the
 * {@code StandardServiceRegistry} keeps, per metadata build, the model that build produced
 * ({@link #stage}); each SessionFactory's own service registry has its own instance, which the
 * integrator gives the model of the build the factory comes from ({@link #adopt}), once. So two
 * factories built from one registry, or from one metadata, never see each other's types, and nothing
 * is static.
 */
public final class SoftDeleteService implements Service {

    private final boolean enabled;
    private final Clock clock;
    private final ActorProvider actorProvider;
    private final RetentionPolicy defaultRetention;
    private final Object foreignSqmTranslator;
    private final HardEntityCascade toHardEntity;
    private final boolean liveRowUniqueKeys;
    private final HistorySettings history;
    private volatile SoftDeleteModel model = SoftDeleteModel.EMPTY;
    private volatile CascadePlans cascadePlans = new CascadePlans(SoftDeleteModel.EMPTY);
    // weak keys: a session that is never closed must not keep its state alive
    private final Map<SharedSessionContractImplementor, SessionState> sessions =
            Collections.synchronizedMap(new WeakHashMap<>());
    // set once a bulk delete registered a cascade: until then loads and flushes skip the session lookup
    private volatile boolean bulkCascadesSeen;
    // set once a user scope opened: until then flushes skip the check of collections scopes left behind
    private volatile boolean userScopesSeen;
    // weak keys: a metadata build's model lives as long as its bootstrap context
    private final Map<Object, SoftDeleteModel> staged = Collections.synchronizedMap(new WeakHashMap<>());

    public SoftDeleteService(boolean enabled, Clock clock, ActorProvider actorProvider,
            RetentionPolicy defaultRetention, HardEntityCascade toHardEntity, Object foreignSqmTranslator,
            boolean liveRowUniqueKeys, HistorySettings history) {
        this.liveRowUniqueKeys = liveRowUniqueKeys;
        this.history = history;
        this.toHardEntity = toHardEntity;
        this.enabled = enabled;
        this.clock = clock;
        this.actorProvider = actorProvider;
        this.defaultRetention = defaultRetention;
        this.foreignSqmTranslator = foreignSqmTranslator;
    }

    /** A service with the same settings and the empty model: the one of a SessionFactory's own registry. */
    public SoftDeleteService forFactory() {
        return new SoftDeleteService(enabled, clock, actorProvider, defaultRetention, toHardEntity,
                foreignSqmTranslator, liveRowUniqueKeys, history);
    }

    /** A builder for the model of a metadata build, with this service's settings. */
    public SoftDeleteModel.Builder newModel() {
        return new SoftDeleteModel.Builder(liveRowUniqueKeys);
    }

    /**
     * Keeps the model a metadata build (known by its bootstrap context) produced, for the
     * SessionFactories that will be built from it.
     */
    public void stage(Object bootstrapContext, SoftDeleteModel built) {
        staged.put(bootstrapContext, built);
    }

    /**
     * Gives this (a SessionFactory's) service the model that the build of its metadata staged in the
     * registry's service; the empty model when that build staged nothing (softdelete turned off).
     *
     * @throws IllegalStateException if this service has a model already: a factory's model never changes
     */
    public void adopt(SoftDeleteService registryService, Object bootstrapContext) {
        SoftDeleteModel built = registryService.staged.get(bootstrapContext);
        if (built == null) {
            return;
        }
        synchronized (this) {
            if (model != SoftDeleteModel.EMPTY) {
                throw new IllegalStateException("softdelete: this SessionFactory has its soft-delete model already");
            }
            cascadePlans = new CascadePlans(built);
            model = built;
        }
    }

    public SoftDeleteModel model() {
        return model;
    }

    /** Where the history of deletes and restores goes. */
    public HistorySettings history() {
        return history;
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

    public HardEntityCascade toHardEntity() {
        return toHardEntity;
    }

    /** The {@code softdelete.unique} setting and the live-row unique keys of the factory. */
    public LiveUniqueKeys uniqueKeys() {
        return model.uniqueKeys();
    }

    public CascadePlans cascadePlans() {
        return cascadePlans;
    }

    /** The soft-delete description of an entity (or any entity of its hierarchy), or null. */
    public SoftDeletableType typeOf(String entityName) {
        return model.typeOf(entityName);
    }

    public boolean hasSoftDeletableTypes() {
        return model.hasSoftDeletableTypes();
    }

    /** The delete state of a session if it has one already; never creates it. */
    /** A user opened unfiltered() or onlyDeleted() in some session of this factory. */
    public void noteUserScopes() {
        userScopesSeen = true;
    }

    /**
     * Whether any session of this factory ever opened a user scope: only then can a flush find
     * collections a scope left behind, so flushes before that skip the session lookup.
     */
    public boolean hasSeenUserScopes() {
        return userScopesSeen;
    }

    /** A bulk delete registered a cascade to run at the next flush (in some session of this factory). */
    public void noteBulkCascades() {
        bulkCascadesSeen = true;
    }

    /**
     * Whether any session of this factory ever had a bulk-delete cascade pending: the loads and
     * flushes of an application that never bulk-deletes skip the (synchronized) session lookup.
     */
    public boolean hasSeenBulkCascades() {
        return bulkCascadesSeen;
    }

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
