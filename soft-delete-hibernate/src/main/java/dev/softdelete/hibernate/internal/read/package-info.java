/**
 * What a read sees: the visibility predicate on every SQL AST of a soft-deletable table
 * ({@code MarkerAuxiliaryMapping}) and the visibility applied to instances found in the persistence
 * context or the second-level cache ({@code VisibilityLoadListener}).
 */
package dev.softdelete.hibernate.internal.read;
