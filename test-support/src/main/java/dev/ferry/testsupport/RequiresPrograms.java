package dev.ferry.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) that runs external programs: without them it is skipped, and reported
 * as skipped with the Debian packages to install; with {@code -Dferry.requireExternalPrograms=true}
 * it fails instead. Checked before any {@code @BeforeAll}, so nothing is started for nothing.
 * See {@link ExternalProgram}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ExternalProgramCondition.class)
public @interface RequiresPrograms {

    ExternalProgram[] value();
}
