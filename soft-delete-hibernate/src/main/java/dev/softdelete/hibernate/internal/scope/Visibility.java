package dev.softdelete.hibernate.internal.scope;

import org.hibernate.engine.spi.LoadQueryInfluencers;

import java.util.Set;

/**
 * Which rows of soft-deletable tables a session sees. The admin visibilities are carried by two
 * library-owned fetch profiles that fetch nothing: the enabled profiles are part of the key of
 * Hibernate's query-plan cache, so each visibility gets plans of its own and keeps them, while the
 * library's persisters keep a loader per visibility (see {@code compat.VisibilityLoaders}). The
 * default (live) visibility enables none.
 */
public enum Visibility {
    LIVE(null),
    ALL("softdelete_unfiltered"),
    DELETED("softdelete_only_deleted");

    private final String profileName;

    Visibility(String profileName) {
        this.profileName = profileName;
    }

    /** The fetch profile enabled for this visibility, or null for {@link #LIVE}. */
    public String profileName() {
        return profileName;
    }

    public static Visibility of(LoadQueryInfluencers influencers) {
        if (!influencers.hasEnabledFetchProfiles()) {
            return LIVE;
        }
        // not isFetchProfileEnabled: it looks the name up in the factory on every call
        Set<String> enabled = influencers.getEnabledFetchProfileNames();
        if (enabled.contains(ALL.profileName)) {
            return ALL;
        }
        return enabled.contains(DELETED.profileName) ? DELETED : LIVE;
    }
}
