package dev.softdelete.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a test (method or class) is allowed to issue hard {@code DELETE}s, which
 * {@link SqlRecorderExtension#failOnHardDeletes()} otherwise turns into a test failure.
 *
 * <pre>{@code
 * @Test
 * @AllowHardDeletes("customer_tag")
 * void replacingTagsDeletesTheLinks(SqlRecorder sql) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowHardDeletes {

    /**
     * The tables a hard delete may touch, in any case; empty allows every table.
     *
     * @return the allowed tables
     * @since 0.1.0
     */
    String[] value() default {};
}
