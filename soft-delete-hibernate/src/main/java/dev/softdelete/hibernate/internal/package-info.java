/**
 * The implementation of the Hibernate integration. No compatibility promise: everything under
 * this package may change in any release.
 */
package dev.softdelete.hibernate.internal;
