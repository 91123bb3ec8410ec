/**
 * Unique constraints among live rows: rewrites the boot model's unique keys of soft-deletable tables
 * per dialect, renders the matching DDL for migration tools, checks restores for key conflicts and
 * warns about plain unique constraints left in the database. Internal: no compatibility promise.
 */
package dev.softdelete.hibernate.internal.schema;
