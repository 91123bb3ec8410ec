package dev.softdelete;

import java.time.Instant;

/**
 * Optional interface for soft-deletable entities whose marker attribute is an {@link Instant}:
 * it lets code ask an entity whether it is deleted without knowing its mapping.
 *
 * <pre>{@code
 * if (customer.isDeleted()) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface SoftDeletable {

    /**
     * The instant the entity was soft-deleted.
     *
     * @return the deletion instant, or {@code null} while the entity is active
     */
    Instant getDeletedAt();

    /**
     * Whether the entity is soft-deleted.
     *
     * @return {@code true} when {@link #getDeletedAt()} is not {@code null}
     */
    default boolean isDeleted() {
        return getDeletedAt() != null;
    }
}
