package dev.softdelete.test;

import dev.softdelete.test.model.KitLabel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

class SqlRecorderExtensionTest {

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(discovery, listener);
        return listener.getSummary();
    }

    @Test
    void anUndeclaredHardDeleteFailsTheTestWithTheStatements() {
        TestExecutionSummary summary = run(HardDeletingTests.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getDisplayName()).isEqualTo("undeclared(SqlRecorder)");
            assertThat(failure.getException()).hasMessageStartingWith(
                    "The test issued 1 hard DELETE(s) it did not declare with @AllowHardDeletes; statements:")
                    .hasMessageContaining("[DELETE] delete from kit_label");
        });
    }

    /** Run by the launcher above only: surefire skips nested classes. */
    static class HardDeletingTests {

        static KitDatabase db;

        @RegisterExtension
        static final SqlRecorderExtension recording = SqlRecorderExtension.of(() -> db.sql).failOnHardDeletes();

        @BeforeAll
        static void open() {
            db = new KitDatabase();
        }

        @AfterAll
        static void close() {
            db.close();
        }

        private static void persistAndRemoveLabel(long id) {
            db.sessionFactory.inTransaction(s -> s.persist(new KitLabel(id, "x")));
            db.sessionFactory.inTransaction(s -> s.remove(s.find(KitLabel.class, id)));
        }

        @Test
        void undeclared(SqlRecorder sql) {
            persistAndRemoveLabel(1L);
        }

        @Test
        @AllowHardDeletes("KIT_LABEL")
        void declaredForItsTable(SqlRecorder sql) {
            persistAndRemoveLabel(2L);
        }

        @Test
        void startsWithAnEmptyRecorder(SqlRecorder sql) {
            assertThat(sql.statements()).isEmpty();
        }
    }
}
