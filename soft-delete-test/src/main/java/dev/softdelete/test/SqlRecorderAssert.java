package dev.softdelete.test;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the statements a {@link SqlRecorder} saw. Every failure message lists them all.
 *
 * <pre>{@code
 * assertThat(sql).hasNoHardDeletes().hasUpdates("customer", 1).hasStatementCountAtMost(3);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SqlRecorderAssert extends AbstractAssert<SqlRecorderAssert, SqlRecorder> {

    SqlRecorderAssert(SqlRecorder actual) {
        super(actual, SqlRecorderAssert.class);
    }

    /**
     * Verifies that no {@code DELETE} statement ran.
     *
     * @return this assertion
     */
    public SqlRecorderAssert hasNoHardDeletes() {
        isNotNull();
        if (actual.count(StatementKind.DELETE) > 0) {
            failWithMessage("Expected no hard DELETE but %d ran; statements:%s",
                    actual.count(StatementKind.DELETE), actual.dump());
        }
        return this;
    }

    /**
     * Verifies that no {@code DELETE} statement ran on the given table.
     *
     * @param table the table name, in any case
     * @return this assertion
     */
    public SqlRecorderAssert hasNoHardDeletesOn(String table) {
        isNotNull();
        long deletes = actual.count(StatementKind.DELETE, table);
        if (deletes > 0) {
            failWithMessage("Expected no hard DELETE on %s but %d ran; statements:%s", table, deletes, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of statements that ran, batch entries counted one by one.
     *
     * @param expected the expected number
     * @return this assertion
     */
    public SqlRecorderAssert hasStatementCount(int expected) {
        isNotNull();
        int count = actual.statements().size();
        if (count != expected) {
            failWithMessage("Expected %d statements but %d ran:%s", expected, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies that at most the given number of statements ran.
     *
     * @param maximum the largest acceptable number
     * @return this assertion
     */
    public SqlRecorderAssert hasStatementCountAtMost(int maximum) {
        isNotNull();
        int count = actual.statements().size();
        if (count > maximum) {
            failWithMessage("Expected at most %d statements but %d ran:%s", maximum, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of statements of one kind on one table.
     *
     * @param kind     the kind
     * @param table    the table name, in any case
     * @param expected the expected number
     * @return this assertion
     */
    public SqlRecorderAssert has(StatementKind kind, String table, int expected) {
        isNotNull();
        long count = actual.count(kind, table);
        if (count != expected) {
            failWithMessage("Expected %d %s on %s but %d ran; statements:%s", expected, kind, table, count, actual.dump());
        }
        return this;
    }

    /**
     * Verifies the number of {@code UPDATE} statements on one table.
     *
     * @param table    the table name, in any case
     * @param expected the expected number
     * @return this assertion
     */
    public SqlRecorderAssert hasUpdates(String table, int expected) {
        return has(StatementKind.UPDATE, table, expected);
    }
}
