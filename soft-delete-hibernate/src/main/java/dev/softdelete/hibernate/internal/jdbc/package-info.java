/**
 * Library SQL on the session's connection, through Hibernate's statement preparer (so SQL logging,
 * statistics and statement inspectors see it), bind helpers and cache cleanup. A leaf: uses no other
 * package of the library.
 */
package dev.softdelete.hibernate.internal.jdbc;
