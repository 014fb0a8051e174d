package io.strongroom.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class's server on a fresh PostgreSQL database created through
 * {@code STRONGROOM_TEST_PG_URL} (system property or environment variable); without it the class
 * is skipped with a notice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface UsePostgres {
}
