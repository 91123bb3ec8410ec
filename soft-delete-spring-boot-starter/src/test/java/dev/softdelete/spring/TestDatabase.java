package dev.softdelete.spring;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database the starter's tests run on: {@code -Dsoftdelete.test.db=h2|postgresql|mariadb}, as for
 * the library's integration tests (the {@code all-databases} profile runs all three). A database that
 * was asked for and does not answer fails the tests, never skips them. Schemas are created, not
 * dropped at close: the contexts of several test classes share one database, and a context closed
 * by one class must not drop the tables of a context that a later class reuses from Spring's cache.
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1", "sa"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root");

    private final String url;
    private final String user;

    TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    public static TestDatabase current() {
        String name = System.getProperty("softdelete.test.db", "h2").trim().toUpperCase(Locale.ROOT);
        return valueOf(name);
    }

    public String url() {
        return System.getProperty("softdelete.test." + name().toLowerCase(Locale.ROOT) + ".url", url);
    }

    /** Spring's datasource properties for this database, after checking that it answers. */
    public static void register(DynamicPropertyRegistry registry) {
        TestDatabase database = current();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user, "")) {
            connection.isValid(5);
        }
        catch (SQLException e) {
            throw new IllegalStateException(database + " was asked for (softdelete.test.db) but does not answer at "
                    + database.url() + ": " + e.getMessage(), e);
        }
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> database.user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "create");
    }

    /** The same properties as {@code key=value} pairs, for an {@code ApplicationContextRunner}. */
    public static String[] properties() {
        TestDatabase database = current();
        return new String[] {"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user,
                "spring.datasource.password=", "spring.jpa.hibernate.ddl-auto=create"};
    }
}
