package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** A mapped superclass that carries {@code @SoftDelete} and the marker for the entities below it. */
@MappedSuperclass
@SoftDelete(deletedBy = "deletedBy")
public abstract class JoinedTrackedBase implements SoftDeletable {

    private Instant deletedAt;

    private String deletedBy;

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }
}
