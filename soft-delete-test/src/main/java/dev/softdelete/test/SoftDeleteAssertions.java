package dev.softdelete.test;

/**
 * Entry point of the soft-delete assertions. Its {@code assertThat} overloads take specific types, so
 * they work next to a static import of AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
 *
 * assertThat(sqlRecorder).hasNoHardDeletes();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SoftDeleteAssertions {

    private SoftDeleteAssertions() {
    }

    /**
     * Starts assertions on the statements a recorder saw.
     *
     * @param recorder the recorder
     * @return the assertion
     */
    public static SqlRecorderAssert assertThat(SqlRecorder recorder) {
        return new SqlRecorderAssert(recorder);
    }
}
