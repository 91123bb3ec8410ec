/**
 * {@code hardDelete}: erasing a row and what its REMOVE cascades reach with real DELETEs, set-based,
 * or refusing before anything is written when a row outside the cascade still references them.
 */
package dev.softdelete.hibernate.internal.erase;
