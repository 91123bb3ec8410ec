/**
 * Deleting: {@code remove()} recorded by the delete listener, the marker UPDATE at flush
 * ({@code SoftDeleteCoordinator}), bulk deletes translated into UPDATEs, their cascades at flush, and
 * stateless-session deletes.
 */
package dev.softdelete.hibernate.internal.delete;
