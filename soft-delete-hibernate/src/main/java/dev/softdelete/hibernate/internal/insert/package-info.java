/**
 * Inserts that keep a cascade whole: a row inserted under a REMOVE-cascading association must not be
 * written live under a parent that another transaction soft-deleted meanwhile.
 */
package dev.softdelete.hibernate.internal.insert;
