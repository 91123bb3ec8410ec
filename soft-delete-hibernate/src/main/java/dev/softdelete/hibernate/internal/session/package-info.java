/**
 * {@code SoftDeleteSessionImpl}, the session behind {@code SoftDeleteSession}: scopes, restore and
 * hardDelete, delegating to the feature packages.
 */
package dev.softdelete.hibernate.internal.session;
