package dev.softdelete.hibernate.internal.history;

import dev.softdelete.hibernate.internal.compat.TenantFilter;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The tenant of history entries. An entry records the tenant identifier of the session that wrote it, so
 * that a session of one tenant reads only its own tenant's entries, as Hibernate's tenant filter lets it
 * read only its own rows; a session without that filter (no multi-tenancy, or the root tenant) reads all.
 */
final class HistoryTenant {

    private HistoryTenant() {
    }

    /** The session's tenant identifier as text, or null when the session has none. */
    static String writtenBy(SharedSessionContractImplementor session) {
        Object tenant = session.getTenantIdentifierValue();
        return tenant == null ? null : session.getFactory().getTenantIdentifierJavaType().toString(tenant);
    }

    /** The tenant the session may read the entries of, as text; null when it may read all. */
    static String readableBy(SharedSessionContractImplementor session) {
        Object tenant = TenantFilter.tenantOf(session);
        return tenant == null ? null : session.getFactory().getTenantIdentifierJavaType().toString(tenant);
    }
}
