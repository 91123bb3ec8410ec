package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A plain entity without {@code @SoftDelete}: soft-delete operations must refuse it. */
@Entity
public class VersionedAuditEntry {

    @Id
    @GeneratedValue
    private Long id;

    private String message;

    protected VersionedAuditEntry() {
    }

    public VersionedAuditEntry(String message) {
        this.message = message;
    }

    public Long getId() {
        return id;
    }

    public String getMessage() {
        return message;
    }
}
