/**
 * What an entity class needs in order to be soft-deletable: the {@link dev.softdelete.SoftDelete}
 * annotation, the optional {@link dev.softdelete.SoftDeletable} interface and
 * {@link dev.softdelete.SoftDeletableEntity} superclass, the {@link dev.softdelete.ActorProvider}
 * callback and the {@link dev.softdelete.RetentionPolicy} value type, and the per-association delete policy
 * ({@link dev.softdelete.OnSoftDelete}, {@link dev.softdelete.DeletePolicy}).
 * <p>
 * This package depends on Jakarta Persistence only; the behaviour comes from an integration module
 * such as {@code soft-delete-hibernate}.
 *
 * @since 0.1.0
 */
package dev.softdelete;
