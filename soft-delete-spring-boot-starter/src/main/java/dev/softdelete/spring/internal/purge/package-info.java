/**
 * Not API: the scheduled purge, its meters and its actuator endpoint.
 */
package dev.softdelete.spring.internal.purge;
