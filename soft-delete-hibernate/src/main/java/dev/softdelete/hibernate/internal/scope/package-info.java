/**
 * Per-session state: the visibility a session reads with and the scopes that change it, the delete
 * requests and reasons of a session ({@code SessionState}).
 */
package dev.softdelete.hibernate.internal.scope;
