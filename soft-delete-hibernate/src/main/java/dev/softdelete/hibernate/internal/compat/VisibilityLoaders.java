package dev.softdelete.hibernate.internal.compat;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.spi.Loadable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The loaders of one entity or collection for the admin visibilities ({@code unfiltered()},
 * {@code onlyDeleted()}). Hibernate keeps one loader per entity and collection, built for the default
 * visibility, and builds a new one for every load that anything influences. An admin visibility must
 * influence every loader that can reach a soft-deletable row, or a loader built in one visibility would
 * serve another; and building one per load made admin pages, which load many rows, several times
 * slower. So each admin visibility keeps a loader of its own, built once with the visibility as its
 * only influence, and used whenever nothing else (a filter, an entity graph, a fetch profile that
 * fetches, a session's batch size) influences the load: then Hibernate's loader would be built from
 * the same influences anyway.
 *
 * @param <L> the loader type
 */
final class VisibilityLoaders<L> {

    private final Map<String, L> byProfile = new ConcurrentHashMap<>(4);
    private final Function<LoadQueryInfluencers, L> build;

    VisibilityLoaders(Function<LoadQueryInfluencers, L> build) {
        this.build = build;
    }

    /** The loader of the visibility carried by the fetch profile, built on first use. */
    L of(String profile, SessionFactoryImplementor factory) {
        L loader = byProfile.get(profile);
        return loader != null ? loader : byProfile.computeIfAbsent(profile, name -> build.apply(influencersOf(name, factory)));
    }

    private static LoadQueryInfluencers influencersOf(String profile, SessionFactoryImplementor factory) {
        LoadQueryInfluencers influencers = new LoadQueryInfluencers(factory);
        influencers.enableFetchProfile(profile);
        return influencers;
    }

    /** The fetch profile of the session's admin visibility, or null in the default visibility. */
    static String adminProfile(SessionFactoryImplementor factory, LoadQueryInfluencers influencers) {
        return influencers.hasEnabledFetchProfiles()
                ? factory.getServiceRegistry().requireService(ReadHooks.class).visibilityProfile(influencers)
                : null;
    }

    /** Whether the session reads in an admin visibility. */
    static boolean inAdminScope(SharedSessionContractImplementor session) {
        return adminProfile(session.getFactory(), session.getLoadQueryInfluencers()) != null;
    }

    /** Whether the influencers carry an admin visibility. */
    static boolean inAdminScope(SessionFactoryImplementor factory, LoadQueryInfluencers influencers) {
        return adminProfile(factory, influencers) != null;
    }

    /** Whether something other than the visibility influences loads of the loadable (Hibernate's own tests). */
    static boolean influencedOtherwise(Loadable loadable, LoadQueryInfluencers influencers) {
        return loadable.isAffectedByEntityGraph(influencers)
                || loadable.isAffectedByEnabledFetchProfiles(influencers)
                || loadable.isAffectedByEnabledFilters(influencers, true)
                || loadable.isAffectedByBatchSize(influencers);
    }
}
