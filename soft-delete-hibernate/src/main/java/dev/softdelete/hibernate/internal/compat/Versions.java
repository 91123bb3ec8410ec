package dev.softdelete.hibernate.internal.compat;

import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityVersionMapping;

/**
 * {@code @Version} values computed as Hibernate computes them. Why internal: {@code Versioning} is the
 * only place that knows every version type's seed and increment (numbers, timestamps, custom
 * {@code UserVersionType}s); a library UPDATE that bumped versions any other way would disagree with
 * Hibernate's own next UPDATE.
 */
public final class Versions {

    private Versions() {
    }

    /** The value a new row would get. */
    public static Object seed(EntityVersionMapping version, SharedSessionContractImplementor session) {
        return Versioning.seed(version, session);
    }

    /** The value that follows {@code current}. */
    public static Object increment(Object current, EntityVersionMapping version, SharedSessionContractImplementor session) {
        return Versioning.increment(current, version, session);
    }
}
