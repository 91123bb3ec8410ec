/**
 * The retention purge behind {@link dev.softdelete.hibernate.Purger}: which tables to purge in which
 * order ({@code PurgeTargets}), the SQL of one batch ({@code PurgeStatements}) and the run itself
 * ({@code PurgeRun}). No compatibility promise.
 */
package dev.softdelete.hibernate.internal.purge;
