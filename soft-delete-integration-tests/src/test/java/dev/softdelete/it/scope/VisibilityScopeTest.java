package dev.softdelete.it.scope;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.read.CustomerRows;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening, nesting and closing scopes in one session. Two live customers and a deleted one, so the
 * count tells the visibility: 2 = live (default), 3 = unfiltered, 1 = only deleted.
 */
class VisibilityScopeTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static final long LIVE = 2;
    private static final long ALL = 3;
    private static final long DELETED = 1;

    private static long count(SoftDeleteSession s) {
        return s.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
    }

    @Test
    void closingUnfilteredRestoresDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            SoftDeleteScope all = s.unfiltered();
            assertThat(count(s)).isEqualTo(ALL);
            all.close();

            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void closingOnlyDeletedRestoresDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            try (SoftDeleteScope trash = s.onlyDeleted()) {
                assertThat(count(s)).isEqualTo(DELETED);
            }

            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void onlyDeletedNestedInUnfilteredRestoresUnfilteredOnClose() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            try (SoftDeleteScope all = s.unfiltered()) {
                try (SoftDeleteScope trash = s.onlyDeleted()) {
                    assertThat(count(s)).isEqualTo(DELETED);
                }
                assertThat(count(s)).isEqualTo(ALL);
            }
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void unfilteredNestedInOnlyDeletedRestoresOnlyDeletedOnClose() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            try (SoftDeleteScope trash = s.onlyDeleted()) {
                try (SoftDeleteScope all = s.unfiltered()) {
                    assertThat(count(s)).isEqualTo(ALL);
                }
                assertThat(count(s)).isEqualTo(DELETED);
            }
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void sameScopeNestedInItselfStaysUntilTheOuterCloses() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            try (SoftDeleteScope outer = s.unfiltered()) {
                try (SoftDeleteScope inner = s.unfiltered()) {
                    assertThat(count(s)).isEqualTo(ALL);
                }
                assertThat(count(s)).isEqualTo(ALL);
            }
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void unfilteredLambdaShowsDeletedRowsAndRestoresDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(s.unfiltered(() -> count(s))).isEqualTo(ALL);
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void onlyDeletedLambdaShowsOnlyDeletedRowsAndRestoresDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThat(s.onlyDeleted(() -> count(s))).isEqualTo(DELETED);
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void lambdaThatThrowsRestoresDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            assertThatThrownBy(() -> s.unfiltered(() -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void lambdasNestInsideScopes() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            long nested = s.unfiltered(() -> s.onlyDeleted(() -> count(s)) * 10 + count(s));

            assertThat(nested).isEqualTo(DELETED * 10 + ALL);
            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void closingInnerScopeTwiceKeepsOuterScope() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            try (SoftDeleteScope all = s.unfiltered()) {
                SoftDeleteScope trash = s.onlyDeleted();
                trash.close();
                trash.close();

                assertThat(count(s)).isEqualTo(ALL);
            }
        });
    }

    @Test
    void closingScopeTwiceLeavesDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            SoftDeleteScope all = s.unfiltered();
            all.close();
            all.close();

            assertThat(count(s)).isEqualTo(LIVE);
        });
    }

    @Test
    void closingStaleScopeAgainDoesNotUndoALaterScope() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            SoftDeleteScope first = s.unfiltered();
            first.close();
            try (SoftDeleteScope trash = s.onlyDeleted()) {
                first.close();

                assertThat(count(s)).isEqualTo(DELETED);
            }
        });
    }

    @Test
    void scopesClosedOutOfOrderLeaveTheVisibilityOfTheScopesStillOpenThenTheDefault() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            SoftDeleteScope all = s.unfiltered();
            SoftDeleteScope trash = s.onlyDeleted();
            all.close();
            assertThat(count(s)).as("onlyDeleted() is still open").isEqualTo(DELETED);
            trash.close();
            assertThat(count(s)).as("no scope open").isEqualTo(LIVE);
        });
    }

    @Test
    void theInnerScopeClosedLastAfterTheOuterRestoresTheDefaultNotTheOuter() {
        CustomerRows.persist(db);

        db.inTransaction(s -> {
            SoftDeleteScope trash = s.onlyDeleted();
            SoftDeleteScope all = s.unfiltered();
            trash.close();
            assertThat(count(s)).as("unfiltered() is still open").isEqualTo(ALL);
            all.close();
            trash.close();
            assertThat(count(s)).as("closing again changes nothing").isEqualTo(LIVE);
        });
    }
}
