package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.hibernate.PurgeException;
import dev.softdelete.hibernate.PurgeListener;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.internal.compat.Factories;
import dev.softdelete.hibernate.internal.compat.TenantFilter;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** One run of the purge over the targets of a SessionFactory, as a {@code Purger} configured it. */
public final class PurgeRun {

    private static final Logger LOG = Logger.getLogger(PurgeRun.class);

    private final SessionFactoryImplementor factory;
    private final SoftDeleteService service;

    /**
     * @throws IllegalArgumentException if the factory is not Hibernate's or has softdelete turned off
     */
    public PurgeRun(SessionFactory sessionFactory) {
        this.factory = Factories.implementorOf(sessionFactory, "Purger");
        this.service = factory.getServiceRegistry().requireService(SoftDeleteService.class);
        if (!service.isEnabled()) {
            throw new IllegalArgumentException("softdelete: Purger needs softdelete.enabled=true on this SessionFactory");
        }
    }

    /**
     * The root entity names of the hierarchies of the given classes.
     *
     * @throws IllegalArgumentException naming each class that is not a soft-deletable entity
     */
    public Set<String> rootsOf(String option, Class<?>... classes) {
        Set<String> roots = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            EntityPersister persister = type == null ? null : factory.getMappingMetamodel().findEntityDescriptor(type);
            if (persister == null || service.typeOf(persister.getEntityName()) == null) {
                problems.add((type == null ? "null" : type.getName()) + " is not a @SoftDelete entity");
            }
            else {
                roots.add(persister.getRootEntityDescriptor().getEntityName());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("softdelete: Purger." + option + "(...): " + String.join("; ", problems));
        }
        return roots;
    }

    /** The entity name of a class the report names (a mapped entity class). */
    public String entityName(Class<?> entityClass) {
        return factory.getMappingMetamodel().getEntityDescriptor(entityClass).getEntityName();
    }

    /**
     * Purges every target in turn, children first, and reports what was done.
     *
     * @param clock     the clock the cutoffs are computed from; null for {@code softdelete.clock}
     * @param only      root entity names to cover; empty for all
     * @param listener  the listener, or null for none (the ids of a batch are then never read)
     * @param anonymize root entity names to anonymise instead of delete
     * @param tenant    the tenant identifier of the sessions the purge opens, or null for the factory's own
     */
    public PurgeReport execute(Clock clock, int batchSize, boolean dryRun, PurgeListener listener, Set<String> only,
            Set<String> anonymize, Object tenant) {
        if (tenant == null && factory.getCurrentTenantIdentifierResolver() == null
                && (factory.getSessionFactoryOptions().isMultiTenancyEnabled() || TenantFilter.isDefined(factory))) {
            // Hibernate opens no session of such a factory without a tenant, and its message says nothing of the purge
            throw new IllegalStateException("softdelete: the purge opens its own sessions, and this SessionFactory is"
                    + " multi-tenant with no CurrentTenantIdentifierResolver; pass a tenant identifier with"
                    + " Purger.tenantIdentifier(...). Nothing was purged.");
        }
        Supplier<StatelessSession> sessions = tenant == null ? factory::openStatelessSession
                : () -> factory.withStatelessOptions().tenantIdentifier(tenant).openStatelessSession();
        long started = System.nanoTime();
        Instant now = clock == null ? service.now() : clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Class<?>, Long> rows = new LinkedHashMap<>();
        int batches = 0;
        for (PurgeTarget target : PurgeTargets.resolve(factory, service, only, anonymize)) {
            Instant cutoff = target.retention().cutoff(now).orElseThrow();
            TargetPurge purge = new TargetPurge(factory, sessions, target, now, batchSize, dryRun, listener);
            try {
                purge.run();
            }
            catch (PurgeProgress.BatchFailure failure) {
                rows.put(target.entityClass(), purge.rows());
                PurgeReport committed = new PurgeReport(rows, batches + purge.batches(),
                        Duration.ofNanos(System.nanoTime() - started), dryRun);
                throw new PurgeException(failure.getMessage(), failure.getCause(), target.entityClass(),
                        failure.batch(), committed);
            }
            finally {
                batches += purge.batches();
                if (!dryRun && purge.rows() > 0) {
                    evict(target);
                }
            }
            rows.put(target.entityClass(), purge.rows());
            LOG.infof("softdelete purge%s: %s of %s %s (deleted before %s) in %s",
                    dryRun ? " (dry run)" : "", count(purge.rows(), "row"), target.entity().getEntityName(),
                    dryRun ? (target.anonymizes() ? "to anonymise" : "to delete")
                            : (target.anonymizes() ? "anonymised" : "deleted"), cutoff, count(purge.batches(), "batch"));
        }
        return new PurgeReport(rows, batches, Duration.ofNanos(System.nanoTime() - started), dryRun);
    }

    private static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("h") ? noun + "es" : noun + "s");
    }

    /** Cached state of purged rows would outlive them; a purge is rare enough to drop the regions. */
    private void evict(PurgeTarget target) {
        factory.getCache().evictEntityData(target.entity().getEntityName());
        if (!target.dependents().isEmpty()) {
            factory.getCache().evictCollectionData();
        }
    }
}
