/**
 * Where the library meets Hibernate ORM versions: the version guard. No compatibility promise.
 */
package dev.softdelete.hibernate.internal.compat;
