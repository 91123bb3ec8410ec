package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.Instant;

/** A soft-deletable child held in an orphan-removal collection of {@link VersionedBoard}. */
@Entity
@SoftDelete
public class VersionedPin implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private VersionedBoard board;

    private String label;

    @Version
    private long version;

    private Instant deletedAt;

    protected VersionedPin() {
    }

    VersionedPin(VersionedBoard board, String label) {
        this.board = board;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}
