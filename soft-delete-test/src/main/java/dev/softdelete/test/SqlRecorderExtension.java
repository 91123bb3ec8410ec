package dev.softdelete.test;

import dev.softdelete.test.internal.SoftDeleteTables;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A JUnit 5 extension around a {@link SqlRecorder}: resets it before each test, hands it to test
 * and lifecycle methods that declare a {@code SqlRecorder} parameter and, when asked, fails a test
 * that issued a hard {@code DELETE} it did not declare with {@link AllowHardDeletes}, or that leaked
 * (when the recorder {@linkplain SqlRecorder#detectLeaks detects leaks}).
 *
 * <pre>{@code
 * static final SqlRecorder sql = SqlRecorder.create();
 *
 * @RegisterExtension
 * static final SqlRecorderExtension recording = SqlRecorderExtension.of(() -> sql).failOnHardDeletes();
 *
 * @Test
 * void removeIsAnUpdate(SqlRecorder sql) {
 *     ...
 *     assertThat(sql).hasUpdates("customer", 1);
 * }
 * }</pre>
 *
 * The checks run right after the test method, before any {@code @AfterEach} work (cleanup deletes
 * do not count).
 *
 * @since 0.1.0
 */
public final class SqlRecorderExtension implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private final Supplier<SqlRecorder> recorder;
    private boolean failOnHardDeletes;
    private boolean failOnLeaks;

    private SqlRecorderExtension(Supplier<SqlRecorder> recorder) {
        this.recorder = recorder;
    }

    /**
     * An extension around the recorder the supplier gives when a test starts; a supplier, because
     * the recorder often belongs to a SessionFactory built by another extension.
     *
     * @param recorder supplies the recorder
     * @return the extension
     * @since 0.1.0
     */
    public static SqlRecorderExtension of(Supplier<SqlRecorder> recorder) {
        return new SqlRecorderExtension(Objects.requireNonNull(recorder, "recorder"));
    }

    /**
     * Fails every test that issued a hard {@code DELETE} not allowed by {@link AllowHardDeletes} on the
     * test method or its class.
     *
     * @return this extension
     * @since 0.1.0
     */
    public SqlRecorderExtension failOnHardDeletes() {
        this.failOnHardDeletes = true;
        return this;
    }

    /**
     * Fails every test during which the recorder's leak detector found a leak.
     *
     * @return this extension
     * @since 0.1.0
     */
    public SqlRecorderExtension failOnLeaks() {
        this.failOnLeaks = true;
        return this;
    }

    private SqlRecorder recorder() {
        SqlRecorder sql = recorder.get();
        if (sql == null) {
            throw new IllegalStateException("SqlRecorderExtension: the recorder supplier returned null; register the"
                    + " extension after the one that builds the SessionFactory and its recorder");
        }
        return sql;
    }

    /**
     * Resets the recorder.
     *
     * @param context the test context
     * @since 0.1.0
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        recorder().reset();
    }

    /**
     * Checks the test's statements for undeclared hard deletes and leaks, as configured.
     *
     * @param context the test context
     * @since 0.1.0
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        SqlRecorder sql = recorder();
        if (failOnHardDeletes) {
            Optional<AllowHardDeletes> allowed = allowance(context.getTestMethod().orElse(null))
                    .or(() -> allowance(context.getTestClass().orElse(null)));
            Set<String> tables = allowed.map(a -> Arrays.stream(a.value()).map(SoftDeleteTables::key)
                    .collect(Collectors.toSet())).orElse(null);
            List<RecordedStatement> deletes = sql.statements().stream()
                    .filter(s -> s.kind() == StatementKind.DELETE)
                    .filter(s -> allowed.isEmpty() || !tables.isEmpty() && !tables.contains(s.table()))
                    .toList();
            if (!deletes.isEmpty()) {
                throw new AssertionError("The test issued " + deletes.size() + " hard DELETE(s) it did not declare with"
                        + " @AllowHardDeletes" + (tables == null || tables.isEmpty() ? "" : tables) + "; statements:"
                        + sql.dump());
            }
        }
        if (failOnLeaks) {
            SoftDeleteAssertions.assertThat(sql).hasNoLeaks();
        }
    }

    private static Optional<AllowHardDeletes> allowance(AnnotatedElement element) {
        return element == null ? Optional.empty() : Optional.ofNullable(element.getAnnotation(AllowHardDeletes.class));
    }

    /**
     * Resolves parameters of type {@link SqlRecorder}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test context
     * @return whether the parameter is a {@code SqlRecorder}
     * @since 0.1.0
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SqlRecorder.class;
    }

    /**
     * Gives the recorder.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test context
     * @return the recorder
     * @since 0.1.0
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return recorder();
    }
}
