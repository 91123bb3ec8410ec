package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * Soft-deletable with an assigned id and no version: Hibernate cannot tell a detached instance from a
 * transient one, which is the riskiest case for merge() after a soft delete.
 */
@Entity
@SoftDelete
public class VersionedSticker implements SoftDeletable {

    @Id
    private Long id;

    private String label;

    private Instant deletedAt;

    protected VersionedSticker() {
    }

    public VersionedSticker(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}
