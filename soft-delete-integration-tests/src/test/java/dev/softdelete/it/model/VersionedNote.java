package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** A versioned soft-deletable entity with actor and reason and no associations, so statements count cleanly. */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "reason")
public class VersionedNote implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String text;

    @Version
    private long version;

    private Instant deletedAt;

    private String deletedBy;

    private String reason;

    protected VersionedNote() {
    }

    public VersionedNote(String text) {
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public String getReason() {
        return reason;
    }
}
