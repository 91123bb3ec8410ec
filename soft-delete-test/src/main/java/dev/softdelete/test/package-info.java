/**
 * The test kit. {@link dev.softdelete.test.SoftDeleteAssertions} is the one entry point of the AssertJ
 * assertions: on an entity instance ({@link dev.softdelete.test.EntityAssert}), on its table row read
 * below Hibernate ({@link dev.softdelete.test.SessionAssert}, {@link dev.softdelete.test.RowAssert}) and
 * on the statements a {@link dev.softdelete.test.SqlRecorder} saw at the JDBC layer
 * ({@link dev.softdelete.test.SqlRecorderAssert}). The recorder also detects soft-delete leaks, and
 * {@link dev.softdelete.test.SqlRecorderExtension} wires it into JUnit 5. Everything here works with the
 * public API of softdelete and the public and SPI API of Hibernate ORM 7.4.
 *
 * @since 0.1.0
 */
package dev.softdelete.test;
