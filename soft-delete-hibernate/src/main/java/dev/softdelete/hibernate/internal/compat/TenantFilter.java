package dev.softdelete.hibernate.internal.compat;

import org.hibernate.Filter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Hibernate's filter for {@code @TenantId}, named as in its internal {@code TenantIdBinder}: defined when
 * an entity has a tenant id, and enabled in every session of a tenant but the root one.
 */
public final class TenantFilter {

    private static final String NAME = "_tenantId";
    private static final String PARAMETER = "tenantId";

    private TenantFilter() {
    }

    /** Whether an entity of the factory has a {@code @TenantId}: Hibernate then opens no session without a tenant. */
    public static boolean isDefined(SessionFactoryImplementor factory) {
        return factory.getDefinedFilterNames().contains(NAME);
    }

    /** The tenant whose rows the session is restricted to, or null when it is restricted to none. */
    public static Object tenantOf(SharedSessionContractImplementor session) {
        Filter filter = session.getLoadQueryInfluencers().getEnabledFilter(NAME);
        return filter == null ? null : filter.getParameterValue(PARAMETER);
    }
}
