package dev.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a basic attribute that holds personal data, for the erasure mode of the retention purge: an
 * entity whose rows must be kept (an invoice, a ledger entry) is listed in the purger's
 * {@code anonymizeInsteadOf(...)}, and its deleted rows past retention then keep their row and have
 * every {@code @Anonymize} attribute overwritten instead of being hard-deleted.
 *
 * <pre>{@code
 * @Entity
 * @SoftDelete(retain = "P30D")
 * public class Invoice {
 *     @Id Long id;
 *     @Anonymize String customerName;                    // becomes null
 *     @Anonymize(replacement = "erased") String email;   // becomes "erased"
 *     BigDecimal total;                                  // kept
 *     Instant deletedAt;
 * }
 * }</pre>
 *
 * The annotation does nothing on its own: plain purges delete the whole row, and live rows are never
 * touched. Put it on the field or on the getter, wherever the entity's access type reads mappings.
 *
 * @since 0.1.0
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
public @interface Anonymize {

    /**
     * The value written over the attribute. Empty (the default) writes {@code null}, which works for
     * an attribute of any type whose column is nullable; any other text is only allowed on a
     * {@code String} attribute.
     *
     * @return the replacement text, or an empty string for {@code null}
     */
    String replacement() default "";
}
