/**
 * The soft-delete model of one SessionFactory, fixed when its metadata is complete: soft-deletable
 * types and their columns ({@code SoftDeleteModel}, {@code MarkerColumns}), the association graph as
 * SQL ({@code CascadeStep}, {@code CascadePlans}) and live-row unique keys. Depends on {@code jdbc} only.
 */
package dev.softdelete.hibernate.internal.model;
