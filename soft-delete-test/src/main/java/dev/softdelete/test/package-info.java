/**
 * The test kit: {@link dev.softdelete.test.SqlRecorder}, which records the SQL that reached the JDBC
 * driver, and the AssertJ assertions of {@link dev.softdelete.test.SoftDeleteAssertions}.
 *
 * @since 0.1.0
 */
package dev.softdelete.test;
