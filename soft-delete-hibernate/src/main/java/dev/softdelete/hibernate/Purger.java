package dev.softdelete.hibernate;

import dev.softdelete.hibernate.internal.purge.PurgeRun;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The retention purge: hard-deletes the rows that have been soft-deleted for longer than their
 * entity's retention ({@code @SoftDelete(retain = "P90D")}, else {@code softdelete.retention.default};
 * {@code forever} is never purged).
 *
 * <pre>{@code
 * PurgeReport report = Purger.of(sessionFactory)
 *         .batchSize(500)
 *         .listener(batch -> audit.log(batch.entity(), batch.ids(), batch.cutoff()))
 *         .run();
 * log.info("purged {} rows in {}", report.rowsPerEntity(), report.duration());
 * }</pre>
 *
 * How it works:
 * <ul>
 * <li>Set-based, without loading entities: each batch selects the next {@link #batchSize(int) batchSize}
 *     ids of due rows, then one short transaction locks the rows of that id range still due and deletes
 *     them with one statement per table. The DELETE re-checks the cutoff, so a row restored after it
 *     was selected stays.</li>
 * <li>Children first: entities whose foreign keys reference another purged entity are purged before it;
 *     join-table and element-collection rows of purged rows, and their JOINED subclass and secondary
 *     table rows, go in the same transaction. A row still referenced by any row is kept until a later
 *     run, whatever keeps the referencing row: it is live, not due yet, held back by its own children,
 *     written while the purge runs, or in a table that is not soft-deletable. Each batch decides this
 *     in the same statements that delete, so the purge does not stop on a foreign key; a reference
 *     written between those statements' read and their delete fails the batch, which is rolled back
 *     and retried (three attempts).</li>
 * <li>Several instances may run at once: they lock the same rows in the same order, the second finds
 *     them gone, and counts come from the DELETE's update count, so nothing is counted twice.</li>
 * <li>A failure stops the run with a {@link PurgeException} naming the entity and the batch, whose
 *     {@link PurgeException#report() report()} says what the batches committed before it did; they
 *     stay, and the next run continues where it stopped.</li>
 * <li>{@link #anonymizeInsteadOf(Class[])} keeps the rows of entities that must stay and overwrites
 *     their {@link dev.softdelete.Anonymize @Anonymize} attributes instead.</li>
 * </ul>
 * A {@code Purger} is a one-use builder for one thread; create one per run. Not settled: the options
 * may grow before 1.0.
 *
 * @since 0.1.0
 */
public final class Purger {

    /**
     * The default {@link #batchSize(int)}. A batch is a transaction whose cost beyond its rows is a commit
     * and a round trip or two, so small batches multiply that: 10,000 purged 10 million rows 2.3 times as
     * fast as 1,000 on PostgreSQL while four writers updated the rows in between, whose p99 latency went
     * from 7.3 to 9.0 ms, with a batch p99 of 64 ms (docs/benchmarks.md, "Scale run"). Lower it where
     * a batch's locks must be shorter still.
     */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private static final PurgeListener NO_LISTENER = batch -> {
    };

    private final PurgeRun run;
    private Clock clock;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private boolean dryRun;
    private PurgeListener listener = NO_LISTENER;
    private final Set<String> only = new LinkedHashSet<>();
    private final Set<String> anonymize = new LinkedHashSet<>();
    private Object tenantIdentifier;

    private Purger(PurgeRun run) {
        this.run = run;
    }

    /**
     * A purger for the soft-deletable entities of a SessionFactory.
     *
     * @param sessionFactory a SessionFactory built with softdelete on the classpath
     * @return a purger with the default options
     * @throws IllegalArgumentException if the factory is not Hibernate ORM's, or softdelete is turned off
     * @since 0.1.0
     */
    public static Purger of(SessionFactory sessionFactory) {
        return new Purger(new PurgeRun(sessionFactory));
    }

    /**
     * Counts what a run would delete, and tells the listener, without changing anything. As nothing is
     * deleted, a row whose only references come from rows that are due themselves counts as if those
     * went first; when one of them is held back (by a live row below it), the real run keeps that row
     * too: the count is an upper bound.
     *
     * @return this purger
     * @since 0.1.0
     */
    public Purger dryRun() {
        this.dryRun = true;
        return this;
    }

    /**
     * The clock the cutoffs are computed from: a row is due when it was deleted before
     * {@code clock.instant()} minus its retention. Defaults to {@code softdelete.clock}.
     *
     * @param clock the clock
     * @return this purger
     * @since 0.1.0
     */
    public Purger clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How many rows one batch (one transaction) deletes at most. Defaults to {@value #DEFAULT_BATCH_SIZE}.
     *
     * @param batchSize a positive number of rows
     * @return this purger
     * @throws IllegalArgumentException if the size is not positive
     * @since 0.1.0
     */
    public Purger batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("softdelete: Purger.batchSize must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Receives every batch, for an audit log of hard deletes.
     *
     * @param listener the listener
     * @return this purger
     * @since 0.1.0
     */
    public Purger listener(PurgeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Restricts the run to the hierarchies of the given entities. Their related rows (join tables,
     * element collections) still go with them; other soft-deletable entities are left alone.
     *
     * @param entities soft-deletable entity classes
     * @return this purger
     * @throws IllegalArgumentException if a class is not a {@code @SoftDelete} entity
     * @since 0.1.0
     */
    public Purger only(Class<?>... entities) {
        only.addAll(run.rootsOf("only", entities));
        return this;
    }

    /**
     * For the given entities, keeps due rows and overwrites their {@link dev.softdelete.Anonymize @Anonymize}
     * attributes instead of deleting them (for GDPR erasure of rows that must stay, such as invoices).
     * The marker stays, so the row stays deleted; a row already anonymised is not counted again.
     *
     * @param entities soft-deletable entity classes with at least one {@code @Anonymize} attribute
     * @return this purger
     * @throws IllegalArgumentException if a class is not a {@code @SoftDelete} entity
     * @since 0.1.0
     */
    public Purger anonymizeInsteadOf(Class<?>... entities) {
        anonymize.addAll(run.rootsOf("anonymizeInsteadOf", entities));
        return this;
    }

    /**
     * The tenant identifier of the sessions the purge opens. A multi-tenant SessionFactory with no
     * {@code CurrentTenantIdentifierResolver} opens no session without one, and {@link #run()} refuses to
     * start. With {@code @TenantId} (tenants sharing tables) the purge covers the due rows of every tenant
     * whatever this is: retention is the application's policy, and the purge's statements read the tables
     * directly. With a {@code MultiTenantConnectionProvider} (a schema or a database per tenant) it picks
     * what is purged: run one purge per tenant.
     *
     * @param tenantIdentifier the tenant identifier, as a session of the factory takes it
     * @return this purger
     * @since 0.1.0
     */
    public Purger tenantIdentifier(Object tenantIdentifier) {
        this.tenantIdentifier = Objects.requireNonNull(tenantIdentifier, "tenantIdentifier");
        return this;
    }

    /**
     * Runs the purge (or, after {@link #dryRun()}, counts it).
     *
     * @return what was deleted or anonymised per entity, the number of batches and the time taken
     * @throws IllegalArgumentException if an entity of {@link #anonymizeInsteadOf(Class[])} has no
     *                                  usable {@code @Anonymize} attribute
     * @throws IllegalStateException    if the factory is multi-tenant, has no tenant identifier resolver, and
     *                                  no {@link #tenantIdentifier(Object)} was given
     * @throws PurgeException if a batch fails; it names the entity and the batch and reports what was
     *                                  committed before it, which stays
     * @since 0.1.0
     */
    public PurgeReport run() {
        return run.execute(clock, batchSize, dryRun, listener == NO_LISTENER ? null : listener, Set.copyOf(only),
                Set.copyOf(anonymize), tenantIdentifier);
    }

    /**
     * What {@link #run()} would purge now, as an {@link Impact}: a dry run (with this purger's
     * entities, batch size and clock) whose counts are read with the purge's own conditions, batch by
     * batch, without deleting or locking anything.
     *
     * @return the rows per entity that a run would delete or anonymise
     * @since 0.1.0
     */
    public Impact preview() {
        PurgeReport counted = run.execute(clock, batchSize, true, null, Set.copyOf(only), Set.copyOf(anonymize),
                tenantIdentifier);
        List<Impact.Rows> rows = new ArrayList<>();
        counted.rowsPerEntity().forEach((entity, count) -> rows.add(new Impact.Rows(run.entityName(entity), entity, count)));
        return new Impact(Impact.Operation.PURGE, rows, List.of(), List.of());
    }
}
