package dev.softdelete.test;

import dev.softdelete.test.internal.EntityMarkers;
import dev.softdelete.test.internal.JdbcValues;
import org.assertj.core.api.AbstractAssert;

import java.time.Instant;
import java.util.Objects;

/**
 * Assertions on the soft-delete state an entity instance carries, read through the attributes its
 * {@code @SoftDelete} names (field first, then getter). The instance is not reloaded: after a
 * {@code remove} it shows what the flush wrote to it.
 *
 * <pre>{@code
 * assertThat(customer).isSoftDeleted().wasDeletedBy("alice").wasDeletedBecause("spam");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EntityAssert extends AbstractAssert<EntityAssert, Object> {

    EntityAssert(Object actual) {
        super(actual, EntityAssert.class);
    }

    private EntityMarkers markers() {
        isNotNull();
        EntityMarkers markers = EntityMarkers.of(actual);
        if (markers == null) {
            failWithMessage("Expecting a soft-deletable entity but %s carries no @dev.softdelete.SoftDelete",
                    actual.getClass().getName());
        }
        return markers;
    }

    private String describe(EntityMarkers markers) {
        StringBuilder text = new StringBuilder(EntityMarkers.describe(actual)).append(" [")
                .append(markers.markerAttribute()).append('=').append(markers.marker());
        if (markers.actorAttribute() != null) {
            text.append(", ").append(markers.actorAttribute()).append('=').append(markers.actor());
        }
        if (markers.reasonAttribute() != null) {
            text.append(", ").append(markers.reasonAttribute()).append('=').append(markers.reason());
        }
        return text.append(']').toString();
    }

    /**
     * Verifies that the marker attribute is set.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert isSoftDeleted() {
        EntityMarkers markers = markers();
        if (markers.marker() == null) {
            failWithMessage("Expecting %s to be soft-deleted but %s is null", describe(markers), markers.markerAttribute());
        }
        return this;
    }

    /**
     * Verifies that the marker attribute is null.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert isActive() {
        EntityMarkers markers = markers();
        if (markers.marker() != null) {
            failWithMessage("Expecting %s to be active but it was soft-deleted at %s", describe(markers), markers.marker());
        }
        return this;
    }

    /**
     * Verifies the actor attribute named by {@code @SoftDelete(deletedBy = ...)}.
     *
     * @param expected the expected actor
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert wasDeletedBy(Object expected) {
        EntityMarkers markers = markers();
        if (markers.actorAttribute() == null) {
            failWithMessage("Expecting %s to record who deleted it but its @SoftDelete names no deletedBy attribute",
                    describe(markers));
        }
        isSoftDeleted();
        if (!Objects.equals(markers.actor(), expected)) {
            failWithMessage("Expecting %s to be deleted by <%s> but %s is <%s>", describe(markers), expected,
                    markers.actorAttribute(), markers.actor());
        }
        return this;
    }

    /**
     * Verifies the reason attribute named by {@code @SoftDelete(reason = ...)}.
     *
     * @param expected the expected reason
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert wasDeletedBecause(Object expected) {
        EntityMarkers markers = markers();
        if (markers.reasonAttribute() == null) {
            failWithMessage("Expecting %s to record why it was deleted but its @SoftDelete names no reason attribute",
                    describe(markers));
        }
        isSoftDeleted();
        if (!Objects.equals(markers.reason(), expected)) {
            failWithMessage("Expecting %s to be deleted because <%s> but %s is <%s>", describe(markers), expected,
                    markers.reasonAttribute(), markers.reason());
        }
        return this;
    }

    /**
     * Verifies the deletion instant. A {@code LocalDateTime} marker is read as UTC.
     *
     * @param expected the expected instant
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert wasDeletedAt(Instant expected) {
        isSoftDeleted();
        EntityMarkers markers = markers();
        Instant deletedAt = JdbcValues.instant(markers.marker());
        if (!deletedAt.equals(expected)) {
            failWithMessage("Expecting %s to be deleted at %s but it was deleted at %s", describe(markers), expected,
                    deletedAt);
        }
        return this;
    }

    /**
     * Verifies that the deletion instant is strictly after the given one.
     *
     * @param instant the instant the deletion must follow
     * @return this assertion
     * @since 0.1.0
     */
    public EntityAssert wasDeletedAfter(Instant instant) {
        isSoftDeleted();
        EntityMarkers markers = markers();
        Instant deletedAt = JdbcValues.instant(markers.marker());
        if (!deletedAt.isAfter(instant)) {
            failWithMessage("Expecting %s to be deleted after %s but it was deleted at %s", describe(markers), instant,
                    deletedAt);
        }
        return this;
    }
}
