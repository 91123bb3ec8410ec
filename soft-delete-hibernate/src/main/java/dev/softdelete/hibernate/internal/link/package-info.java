/**
 * Links that keep a cascade whole: a row inserted, or moved, under a REMOVE-cascading or
 * {@code DENY} association must not be left live under a parent that another transaction
 * soft-deleted meanwhile.
 */
package dev.softdelete.hibernate.internal.link;
