package dev.softdelete;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A mapped superclass with the marker ({@code deleted_at}) and actor ({@code deleted_by}) columns
 * already mapped. The entity that extends it still carries {@link SoftDelete}:
 *
 * <pre>{@code
 * @Entity
 * @SoftDelete(deletedBy = "deletedBy")
 * public class Invoice extends SoftDeletableEntity { ... }
 * }</pre>
 *
 * The attributes are read-only to application code: only the library sets them, on delete and on
 * restore.
 *
 * @since 0.1.0
 */
@MappedSuperclass
public abstract class SoftDeletableEntity implements SoftDeletable {

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    /**
     * Creates an active entity.
     */
    protected SoftDeletableEntity() {
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    /**
     * Who deleted the entity, as recorded when {@code @SoftDelete(deletedBy = "deletedBy")} is set.
     *
     * @return the actor, or {@code null} while active or when not recorded
     */
    public String getDeletedBy() {
        return deletedBy;
    }
}
