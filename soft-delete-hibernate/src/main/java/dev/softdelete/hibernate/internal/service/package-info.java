/**
 * {@code SoftDeleteService}: the settings, the model and the session state of one SessionFactory,
 * held by that factory's service registry. Every feature package reaches the model through it.
 */
package dev.softdelete.hibernate.internal.service;
