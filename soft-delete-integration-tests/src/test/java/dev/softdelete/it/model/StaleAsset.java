package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import java.time.Instant;

/** Unversioned JOINED root: the marker is in this table, a subclass's own columns in another. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@SoftDelete
public class StaleAsset {

    @Id
    private Long id;

    private String label;

    private Instant deletedAt;

    protected StaleAsset() {
    }

    public StaleAsset(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
