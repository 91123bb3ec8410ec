/**
 * {@code restore()}: locks in parent-to-child order, unique-key conflicts, and the exact restore of
 * what one delete marked.
 */
package dev.softdelete.hibernate.internal.restore;
