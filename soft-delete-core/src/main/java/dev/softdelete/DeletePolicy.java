package dev.softdelete;

/**
 * What soft-deleting an entity does to the rows one of its associations leads to; chosen per
 * association with {@link OnSoftDelete}.
 *
 * @since 0.1.0
 */
public enum DeletePolicy {

    /**
     * The associated rows are soft-deleted with the owner, in the same operation, and a restore of the
     * owner brings them back. This is what an association with {@code CascadeType.REMOVE} (or
     * {@code orphanRemoval}) does without an annotation; on an association without it, the soft
     * delete cascades while Hibernate's own (hard) cascade stays off. The associated entity must be
     * soft-deletable.
     */
    CASCADE,

    /**
     * The owner cannot be soft-deleted while live associated rows exist ("a customer with open orders
     * cannot be deleted"): the flush that would delete it throws
     * {@code dev.softdelete.hibernate.DeleteDeniedException} naming the association and the number of
     * live rows, and nothing is written. Applies to a {@code remove()}, to a bulk delete, and to a
     * cascade that reaches the owner. For an associated entity that is not soft-deletable, every
     * associated row counts as live.
     */
    DENY,

    /**
     * The associated rows stay live and are unlinked: their foreign key is set to {@code NULL}, one
     * statement per association and level, and the old value is kept in a column the library adds
     * beside it ({@code <key column>_detached}), so that a restore of the owner links exactly those
     * rows again (those still unlinked then). Needs a bidirectional association whose nullable
     * foreign key the associated entity maps ({@code mappedBy}).
     */
    DETACH,

    /**
     * The associated rows stay live and linked: the association is documented as one that a soft
     * delete leaves alone. Reads of the deleted owner's associations are unchanged.
     */
    KEEP
}
