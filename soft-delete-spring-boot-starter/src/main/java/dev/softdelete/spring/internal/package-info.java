/**
 * Not API: the starter's internals; they change without notice.
 */
package dev.softdelete.spring.internal;
