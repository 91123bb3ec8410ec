package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.internal.model.LiveUniqueKey;
import dev.softdelete.hibernate.internal.model.LiveUniqueStyle;
import dev.softdelete.hibernate.internal.compat.Settings;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bootstrap check for applications that manage their schema themselves (hbm2ddl {@code validate} or
 * {@code none}): warns, once per constraint, when the database still has a plain unique constraint
 * where a live-row key belongs, naming the table, the columns and the statements that fix it.
 */
public final class PlainUniqueCheck {

    private static final Logger LOG = Logger.getLogger(PlainUniqueCheck.class);
    private static final Set<String> SCHEMA_WRITING_ACTIONS =
            Set.of("create", "create-drop", "create-only", "drop-and-create", "drop", "update");

    private PlainUniqueCheck() {
    }

    /** Runs the check unless hbm2ddl writes the schema, or JDBC access at boot is turned off. */
    public static void run(Map<String, Object> settings, JdbcConnectionAccess access, Dialect dialect,
            List<LiveUniqueKey> keys) {
        if (keys.isEmpty() || LiveUniqueStyle.of(dialect) == null
                || writesSchema(settings)
                || !Settings.booleanOf(JdbcSettings.ALLOW_METADATA_ON_BOOT, settings, true)) {
            return;
        }
        List<PlainUniqueConstraints.Found> found;
        Connection connection = null;
        try {
            connection = access.obtainConnection();
            found = PlainUniqueConstraints.find(connection, keys);
        }
        catch (SQLException | RuntimeException e) {
            LOG.debug("softdelete: could not look for plain unique constraints; skipping the check", e);
            return;
        }
        finally {
            release(access, connection);
        }
        LiveUniqueDdl ddl = new LiveUniqueDdl(dialect);
        for (PlainUniqueConstraints.Found plain : found) {
            LiveUniqueKey key = plain.key();
            LOG.warnf("softdelete: table %s still has the plain unique constraint %s on %s, so a soft-deleted row"
                    + " blocks a new live row with the same values; replace it: %s; then %s"
                    + " (SoftDeleteSchema.of(sessionFactory).migrationStatements(connection) prints the whole script)",
                    key.tableName(dialect), plain.constraintName(), key.columnNames(),
                    ddl.dropPlainConstraint(key, plain.constraintName()), String.join("; ", ddl.create(List.of(key))));
        }
    }

    private static boolean writesSchema(Map<String, Object> settings) {
        for (String key : List.of(AvailableSettings.HBM2DDL_AUTO, AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION)) {
            Object action = settings.get(key);
            if (action != null && SCHEMA_WRITING_ACTIONS.contains(action.toString().trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void release(JdbcConnectionAccess access, Connection connection) {
        if (connection != null) {
            try {
                access.releaseConnection(connection);
            }
            catch (SQLException e) {
                LOG.debug("softdelete: could not release the bootstrap connection", e);
            }
        }
    }
}
