package dev.softdelete.test;

import org.assertj.core.api.AbstractAssert;

import java.time.Instant;
import java.util.Objects;

/**
 * Assertions on the row of one entity as the table holds it, whatever the session's visibility
 * scope and persistence context say. Obtained from {@link SessionAssert#row(Class, Object)}.
 *
 * <pre>{@code
 * assertThat(session).row(Customer.class, id).isSoftDeleted().wasDeletedBy("alice");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RowAssert extends AbstractAssert<RowAssert, TableRow> {

    RowAssert(TableRow actual) {
        super(actual, RowAssert.class);
    }

    /**
     * Verifies that the table has the row, live or soft-deleted.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert exists() {
        isNotNull();
        if (!actual.exists()) {
            failWithMessage("Expecting a row for %s#%s in table %s but there is none",
                    actual.entityName(), actual.id(), actual.table());
        }
        return this;
    }

    /**
     * Verifies that the table has no row with the id: it was hard-deleted or never written.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert doesNotExist() {
        isNotNull();
        if (actual.exists()) {
            failWithMessage("Expecting no row for %s but found %s", actual.entityName() + "#" + actual.id(),
                    actual.describe());
        }
        return this;
    }

    /**
     * Verifies that the row exists and its marker is set.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert isSoftDeleted() {
        exists();
        if (actual.deletedAt() == null) {
            failWithMessage("Expecting row %s to be soft-deleted but its marker is null", actual.describe());
        }
        return this;
    }

    /**
     * Verifies that the row exists and its marker is null.
     *
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert isActive() {
        exists();
        if (actual.deletedAt() != null) {
            failWithMessage("Expecting row %s to be active but it was soft-deleted at %s", actual.describe(),
                    actual.deletedAt());
        }
        return this;
    }

    /**
     * Verifies the marker instant of the row.
     *
     * @param expected the expected deletion instant
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert wasDeletedAt(Instant expected) {
        isSoftDeleted();
        if (!actual.deletedAt().equals(expected)) {
            failWithMessage("Expecting row %s to be deleted at %s but it was deleted at %s", actual.describe(),
                    expected, actual.deletedAt());
        }
        return this;
    }

    /**
     * Verifies the actor column of the row.
     *
     * @param expected the expected actor
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert wasDeletedBy(Object expected) {
        isSoftDeleted();
        if (!Objects.equals(actual.deletedBy(), expected)) {
            failWithMessage("Expecting row %s to be deleted by <%s> but it was deleted by <%s>", actual.describe(),
                    expected, actual.deletedBy());
        }
        return this;
    }

    /**
     * Verifies the reason column of the row.
     *
     * @param expected the expected reason
     * @return this assertion
     * @since 0.1.0
     */
    public RowAssert wasDeletedBecause(Object expected) {
        isSoftDeleted();
        if (!Objects.equals(actual.reason(), expected)) {
            failWithMessage("Expecting row %s to be deleted because <%s> but the reason was <%s>", actual.describe(),
                    expected, actual.reason());
        }
        return this;
    }
}
