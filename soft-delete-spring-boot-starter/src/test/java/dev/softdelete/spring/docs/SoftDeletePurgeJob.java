package dev.softdelete.spring.docs;

import dev.softdelete.hibernate.PurgeException;
import dev.softdelete.hibernate.PurgeReport;
import dev.softdelete.hibernate.Purger;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

// tag::retention-purge-job[]
@Component
class SoftDeletePurgeJob {

    private static final Logger log = LoggerFactory.getLogger(SoftDeletePurgeJob.class);
    private final SessionFactory sessionFactory;
    private final AuditLog audit;

    SoftDeletePurgeJob(EntityManagerFactory emf, AuditLog audit) {
        this.sessionFactory = emf.unwrap(SessionFactory.class);
        this.audit = audit;
    }

    @Scheduled(cron = "0 30 3 * * *")      // every night; every instance may run it
    void purge() {
        try {
            PurgeReport report = Purger.of(sessionFactory)
                    .batchSize(500)
                    .listener(batch -> audit.hardDeleted(batch.entity(), batch.ids(), batch.cutoff()))
                    .run();
            log.info("soft-delete {}", report);        // "purge: {Comment=1200, ...} in 3 batches, ..."
        }
        catch (PurgeException e) {
            // names the entity and the batch; what was committed stays (e.report()), tomorrow's run continues
            log.error("soft-delete purge stopped at {} batch {} after {}", e.entity().getSimpleName(), e.batch(),
                    e.report(), e);
        }
    }
}
// end::retention-purge-job[]
