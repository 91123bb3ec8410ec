package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** Runs a {@code select count(*)} of library SQL. */
final class Counts {

    private Counts() {
    }

    static long of(SharedSessionContractImplementor session, String sql, Binds binds) {
        Object count = Mutations.selectColumn(session, sql, binds,
                session.getTypeConfiguration().getBasicTypeForJavaType(Long.class)).get(0);
        return ((Number) count).longValue();
    }
}
