package dev.softdelete.benchmarks.model.purge;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * The one table of the purge benchmark: deleted rows are kept 30 days, then the retention purge may
 * hard-delete them. No associations, so the purge is one DELETE per batch and nothing else. Rows are
 * inserted by SQL, so there is no public constructor.
 */
@Entity
@SoftDelete(retain = "P30D")
public class PurgeRecord {

    @Id
    private Long id;

    private String payload;

    private Instant deletedAt;

    protected PurgeRecord() {
    }

    public Long getId() {
        return id;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
