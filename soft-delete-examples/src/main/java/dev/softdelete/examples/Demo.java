package dev.softdelete.examples;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.test.RecordedStatement;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A walkthrough of softdelete on embedded H2: create customers, preview and delete one with a reason,
 * see that reads hide it, open the trash, restore it, read its history. Run it with
 * {@code mvn -q -pl soft-delete-examples -am compile -Pdemo}.
 */
public final class Demo {

    /** The instant the demo's clock is fixed at, so that every run prints the same thing. */
    public static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    /** Who deletes, as the demo's {@link ActorProvider} says. */
    public static final String ACTOR = "demo-admin";

    /** Why Bob is deleted. */
    public static final String REASON = "asked to close the account";

    // java.util.logging holds loggers weakly: keep a reference so that the level set in main() sticks
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private final PrintStream out;
    private final SqlRecorder sql = SqlRecorder.create();
    private final SessionFactory sessionFactory;

    private Demo(PrintStream out) {
        this.out = out;
        this.sessionFactory = buildSessionFactory(sql);
    }

    /**
     * Runs the walkthrough and prints it.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging, which falls back to java.util.logging here: INFO would drown the demo
        HIBERNATE_LOG.setLevel(Level.WARNING);
        run(System.out);
    }

    /**
     * Runs the walkthrough on a fresh in-memory database.
     *
     * @param out where to print it
     * @return what each step observed
     */
    public static Walkthrough run(PrintStream out) {
        Demo demo = new Demo(out);
        try {
            return demo.walkthrough();
        }
        finally {
            demo.sessionFactory.close();
        }
    }

    private static SessionFactory buildSessionFactory(SqlRecorder sql) {
        JdbcDataSource h2 = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the in-memory database lives as long as the JVM, not as long as one connection
        h2.setURL("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DATASOURCE, sql.wrap(h2));
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        settings.put(SoftDeleteSettings.CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
        settings.put(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> ACTOR);
        settings.put(SoftDeleteSettings.HISTORY, "table");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            return new MetadataSources(registry)
                    .addAnnotatedClass(Customer.class)
                    .addAnnotatedClass(Order.class)
                    .buildMetadata()
                    .buildSessionFactory();
        }
        catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private Walkthrough walkthrough() {
        out.printf("softdelete demo on embedded H2 with Hibernate ORM %s; clock fixed at %s, actor '%s'%n",
                Version.getVersionString(), NOW, ACTOR);

        step(1, "Create customers and orders");
        Ids ids = createCustomers();
        List<String> atStart = customerNames();
        out.println("   from Customer            -> " + String.join(", ", atStart));

        step(2, "Preview deleting Bob, then delete him, because \"" + REASON + "\"");
        Impact preview = inSession(s -> s.previewDelete(Customer.class, ids.bob()));
        out.println("   previewDelete(Customer, " + ids.bob() + ") -> " + preview.totalRows() + " row(s) to mark, refused: "
                + preview.isRefused() + "; his orders are kept (@OnSoftDelete(KEEP))");
        List<RecordedStatement> deleteSql = deleteBob(ids.bob());

        step(3, "Read as usual: Bob is hidden");
        List<String> afterDelete = customerNames();
        out.println("   from Customer            -> " + String.join(", ", afterDelete));
        Customer found = inSession(s -> s.find(Customer.class, ids.bob()));
        out.println("   find(Customer, " + ids.bob() + ")        -> " + (found == null ? "null" : found.getName()));
        List<String> bobsOrders = inSession(s -> s.createQuery(
                "select o.item from Order o where o.customer.id = :customer", String.class)
                .setParameter("customer", ids.bob()).list());
        out.println("   Bob's orders stay live (Customer.orders is @OnSoftDelete(KEEP)) -> " + String.join(", ", bobsOrders));

        step(4, "Open the trash with onlyDeleted()");
        List<Customer> trash = inSession(s -> s.onlyDeleted(() ->
                s.createQuery("from Customer c order by c.name", Customer.class).list()));
        trash.forEach(c -> out.printf("   %s, deleted at %s by %s: %s%n",
                c.getName(), c.getDeletedAt(), c.getDeletedBy(), c.getDeleteReason()));

        step(5, "Restore Bob");
        sql.reset();
        boolean restored = sessionFactory.fromTransaction(s -> SoftDeleteSession.wrap(s).restore(Customer.class, ids.bob()));
        List<RecordedStatement> restoreSql = sql.statements();
        out.println("   restore(Customer.class, " + ids.bob() + ") -> " + restored);
        printSql(restoreSql);

        step(6, "Read again: Bob is back");
        List<String> afterRestore = customerNames();
        out.println("   from Customer            -> " + String.join(", ", afterRestore));

        step(7, "Bob's history (softdelete.history=table)");
        List<String> history = inSession(s -> s.history().ofRow(Customer.class, ids.bob())).stream()
                .map(entry -> entry.kind() + " by " + entry.actor() + (entry.reason() == null ? "" : ": " + entry.reason()))
                .toList();
        history.forEach(line -> out.println("   " + line));

        Customer bob = trash.get(0);
        return new Walkthrough(atStart, preview.totalRows(), afterDelete, found == null, bobsOrders,
                trash.stream().map(Customer::getName).toList(), bob.getDeletedAt(), bob.getDeletedBy(),
                bob.getDeleteReason(), restored, afterRestore, deleteSql, restoreSql, history);
    }

    /** The identifiers the later steps need. */
    private record Ids(Long bob) {
    }

    private Ids createCustomers() {
        return sessionFactory.fromTransaction(s -> {
            Customer ada = new Customer("Ada", "ada@example.com");
            ada.order("teapot");
            ada.order("cups");
            Customer bob = new Customer("Bob", "bob@example.com");
            bob.order("kettle");
            Customer cleo = new Customer("Cleo", "cleo@example.com");
            s.persist(ada);
            s.persist(bob);
            s.persist(cleo);
            return new Ids(bob.getId());
        });
    }

    private List<RecordedStatement> deleteBob(Long bobId) {
        sessionFactory.inTransaction(session -> {
            SoftDeleteSession s = SoftDeleteSession.wrap(session);
            Customer bob = s.find(Customer.class, bobId);
            sql.reset();
            try (SoftDeleteScope why = s.deletingBecause(REASON)) {
                s.remove(bob);
            }
        });
        List<RecordedStatement> statements = sql.statements();
        printSql(statements);
        out.printf("   DELETE statements: %d; the row is kept%n",
                statements.stream().filter(st -> st.kind() == StatementKind.DELETE).count());
        return statements;
    }

    private List<String> customerNames() {
        return inSession(s -> s.createQuery("select c.name from Customer c order by c.name", String.class).list());
    }

    private <T> T inSession(Function<SoftDeleteSession, T> work) {
        return sessionFactory.fromTransaction(session -> work.apply(SoftDeleteSession.wrap(session)));
    }

    private void step(int number, String title) {
        out.printf("%n%d. %s%n", number, title);
    }

    private void printSql(List<RecordedStatement> statements) {
        out.println("   SQL that ran:");
        statements.forEach(statement -> out.println("     " + statement.sql()));
    }
}
