package dev.softdelete.hibernate.internal.scope;

import org.hibernate.engine.spi.LoadQueryInfluencers;

/**
 * Which rows of soft-deletable tables a session sees. The admin visibilities are carried by two
 * library-owned marker filters: enabling any filter turns Hibernate's plan caches off for the
 * session, which is what keeps plans built for one visibility out of another, while the default
 * (live) visibility enables none and keeps every plan cached.
 */
public enum Visibility {
    LIVE(null),
    ALL("softdelete_unfiltered"),
    DELETED("softdelete_only_deleted");

    /** The condition of both marker filters: they select, they never restrict. */
    public static final String MARKER_FILTER_CONDITION = "1=1";

    private final String filterName;

    Visibility(String filterName) {
        this.filterName = filterName;
    }

    /** The marker filter enabled for this visibility, or null for {@link #LIVE}. */
    public String filterName() {
        return filterName;
    }

    public static Visibility of(LoadQueryInfluencers influencers) {
        if (!influencers.hasEnabledFilters()) {
            return LIVE;
        }
        if (influencers.getEnabledFilter(ALL.filterName) != null) {
            return ALL;
        }
        if (influencers.getEnabledFilter(DELETED.filterName) != null) {
            return DELETED;
        }
        return LIVE;
    }
}
