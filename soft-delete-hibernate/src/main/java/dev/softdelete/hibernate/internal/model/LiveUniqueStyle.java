package dev.softdelete.hibernate.internal.model;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;

/** How a database expresses "unique among live rows". */
public enum LiveUniqueStyle {

    /** A unique index with {@code where marker is null} (PostgreSQL). */
    PARTIAL_INDEX,

    /**
     * A unique key over the columns plus a generated column that is 1 on live rows and NULL on deleted
     * ones: these databases have no partial index, and their unique keys let NULLs repeat.
     */
    LIVE_COLUMN;

    /** The style of a dialect, or null when the library does not know one for it. */
    public static LiveUniqueStyle of(Dialect dialect) {
        if (dialect instanceof PostgreSQLDialect) {
            return PARTIAL_INDEX;
        }
        if (dialect instanceof H2Dialect || dialect instanceof MySQLDialect) {
            return LIVE_COLUMN;
        }
        return null;
    }

    public static boolean isMySqlFamily(Dialect dialect) {
        return dialect instanceof MySQLDialect;
    }

    public static boolean isMariaDb(Dialect dialect) {
        return dialect instanceof MariaDBDialect;
    }
}
