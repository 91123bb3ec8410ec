/**
 * Not API: the implementation of the repository fragment.
 */
package dev.softdelete.spring.internal.data;
