/**
 * Collection rows (join tables, element collections) of soft-deletable owners and elements: kept
 * when the owner is soft-deleted, and on a rewrite only the rows of the elements the collection held.
 */
package dev.softdelete.hibernate.internal.collection;
