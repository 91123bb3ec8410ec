package dev.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Chooses what soft-deleting the owning entity does to the rows an association leads to.
 *
 * <pre>{@code
 * @Entity
 * @SoftDelete
 * public class Customer {
 *     @OneToMany(mappedBy = "customer")
 *     @OnSoftDelete(DeletePolicy.DENY)          // no delete while live orders exist
 *     List<Order> orders;
 *
 *     @OneToMany(mappedBy = "customer")
 *     @OnSoftDelete(DeletePolicy.CASCADE)       // soft-deleted and restored with the customer
 *     List<Address> addresses;
 *
 *     @OneToMany(mappedBy = "accountManager")
 *     @OnSoftDelete(DeletePolicy.DETACH)        // unlinked, and linked again by a restore
 *     List<Lead> leads;
 * }
 * }</pre>
 *
 * Without the annotation, an association that cascades {@code REMOVE} is {@link DeletePolicy#CASCADE}
 * and any other is {@link DeletePolicy#KEEP}. Put it on the field or on the getter, wherever the
 * entity's access type reads mappings, of a {@code @OneToMany}, {@code @ManyToMany} or inverse
 * {@code @OneToOne} of a soft-deletable entity. Contradictions are bootstrap errors naming the
 * attribute: {@code DENY}, {@code DETACH} or {@code KEEP} together with {@code CascadeType.REMOVE} or
 * {@code orphanRemoval}, {@code CASCADE} to an entity that is not soft-deletable, {@code DETACH} on a
 * non-nullable foreign key or on an association without {@code mappedBy}, or the annotation on
 * anything else.
 *
 * @since 0.1.0
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
public @interface OnSoftDelete {

    /**
     * The policy of this association.
     *
     * @return what a soft delete of the owner does to the associated rows
     */
    DeletePolicy value();
}
