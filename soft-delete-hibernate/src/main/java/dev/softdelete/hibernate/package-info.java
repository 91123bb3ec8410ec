/**
 * The API of the Hibernate ORM integration: {@link dev.softdelete.hibernate.SoftDeleteSession}
 * (visibility scopes, reasons, restore, hard delete), {@link dev.softdelete.hibernate.SoftDeleteScope},
 * the retention {@link dev.softdelete.hibernate.Purger}, the live-row unique constraints'
 * {@link dev.softdelete.hibernate.SoftDeleteSchema} and {@link dev.softdelete.hibernate.RestoreConflictException},
 * and the {@link dev.softdelete.hibernate.SoftDeleteSettings} keys.
 * <p>
 * Adding the jar is all the wiring: Hibernate finds the integration through its service loader.
 *
 * @since 0.1.0
 */
package dev.softdelete.hibernate;
