package dev.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks an entity as soft-deletable: removing it keeps the row and records when (and optionally by
 * whom and why) it was deleted, and every read path hides it from then on.
 * <p>
 * Put it on the root entity of a hierarchy (or on a {@code @MappedSuperclass} the root extends); it
 * applies to every entity subclass, whatever the inheritance strategy.
 *
 * <pre>{@code
 * @Entity
 * @SoftDelete(deletedBy = "deletedBy", retain = "P90D")
 * public class Customer implements SoftDeletable {
 *     @Id @GeneratedValue Long id;
 *     Instant deletedAt;   // null = active
 *     String deletedBy;
 *     public Instant getDeletedAt() { return deletedAt; }
 * }
 * }</pre>
 *
 * This is {@code dev.softdelete.SoftDelete}, not Hibernate's {@code org.hibernate.annotations.SoftDelete};
 * an entity carrying both fails at bootstrap.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
public @interface SoftDelete {

    /**
     * The marker attribute: {@code null} while the row is active, the instant of deletion afterwards.
     * Its type is {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} or
     * {@code LocalDateTime} (read as UTC).
     *
     * @return the name of the marker attribute
     */
    String attribute() default "deletedAt";

    /**
     * A {@code String} attribute filled with {@link ActorProvider#currentActor()} on delete; empty
     * means the actor is not recorded.
     *
     * @return the name of the actor attribute, or an empty string
     */
    String deletedBy() default "";

    /**
     * A {@code String} attribute filled with the reason given for the delete; empty means no reason
     * is recorded.
     *
     * @return the name of the reason attribute, or an empty string
     */
    String reason() default "";

    /**
     * How long a deleted row is kept before the retention purge may hard-delete it: an ISO-8601
     * duration as {@link java.time.Duration#parse(CharSequence)} reads it ({@code P90D},
     * {@code PT12H}) or {@code forever}. Empty means the configured default.
     *
     * @return the retention, {@code forever}, or an empty string
     * @see RetentionPolicy#parse(String)
     */
    String retain() default "";
}
