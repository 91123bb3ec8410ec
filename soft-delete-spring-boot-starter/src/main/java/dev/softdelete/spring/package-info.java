/**
 * The library's Spring support: {@link dev.softdelete.spring.SoftDeleteTemplate}, the session operations bound to Spring's transaction.
 */
package dev.softdelete.spring;
