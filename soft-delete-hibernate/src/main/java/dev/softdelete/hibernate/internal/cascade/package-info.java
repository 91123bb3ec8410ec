/**
 * The set-based marker statements: the SET clause of a delete ({@code MarkerAssignment}), the level
 * walk shared by cascade delete, cascade restore and the restore's conflict check ({@code LevelWalk}),
 * and the cascade itself ({@code CascadeRunner}): one UPDATE per association and level.
 */
package dev.softdelete.hibernate.internal.cascade;
