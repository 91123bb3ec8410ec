package dev.softdelete.it.support;

import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database the integration tests run on, chosen with {@code -Dsoftdelete.test.db=h2|postgresql|mariadb}
 * (the {@code all-databases} Maven profile runs the suite once per database). A database that was
 * asked for and does not answer fails the tests: it is never skipped.
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:softdelete;DB_CLOSE_DELAY=-1", "sa", ""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    private final String defaultUrl;
    private final String defaultUser;
    private final String defaultPassword;

    TestDatabase(String defaultUrl, String defaultUser, String defaultPassword) {
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
        this.defaultPassword = defaultPassword;
    }

    public static TestDatabase current() {
        String name = System.getProperty("softdelete.test.db", "h2").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(name);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("softdelete.test.db must be h2, postgresql or mariadb, got '"
                    + System.getProperty("softdelete.test.db") + "'", e);
        }
    }

    private String setting(String key, String fallback) {
        return System.getProperty("softdelete.test." + name().toLowerCase(Locale.ROOT) + "." + key, fallback);
    }

    /**
     * A FROM item with one column {@code n} running from 1 to {@code rows}, for filling a table in one
     * statement, in this database's own way.
     */
    public String series(int rows) {
        return switch (this) {
            case H2 -> "(select x as n from system_range(1, " + rows + ")) s";
            case POSTGRESQL -> "generate_series(1, " + rows + ") n";
            case MARIADB -> "(select seq as n from seq_1_to_" + rows + ") s";
        };
    }

    public String url() {
        return setting("url", defaultUrl);
    }

    /** A data source for this database, after checking that the database answers. */
    public DataSource dataSource() {
        DataSource dataSource = switch (this) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url());
                h2.setUser(setting("user", defaultUser));
                h2.setPassword(setting("password", defaultPassword));
                yield h2;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url());
                pg.setUser(setting("user", defaultUser));
                pg.setPassword(setting("password", defaultPassword));
                yield pg;
            }
            case MARIADB -> {
                try {
                    MariaDbDataSource maria = new MariaDbDataSource(url());
                    maria.setUser(setting("user", defaultUser));
                    maria.setPassword(setting("password", defaultPassword));
                    yield maria;
                }
                catch (SQLException e) {
                    throw new IllegalStateException("bad MariaDB URL " + url(), e);
                }
            }
        };
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        }
        catch (SQLException e) {
            throw new IllegalStateException(this + " was asked for (softdelete.test.db) but does not answer at "
                    + url() + ": " + e.getMessage() + ". Start it (see .ci/run) or run on H2.", e);
        }
        return dataSource;
    }
}
