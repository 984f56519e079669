package dev.ferry.spring.boot.it;

import dev.ferry.spring.boot.it.app.TestApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test application on a random port. Every test class with this annotation and no other
 * configuration shares one application (Spring's test context cache), so Boot starts once per
 * module for them. Module-specific settings (e.g. Boot 3.5's) come from that module's
 * {@code application.properties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=metrics,health")
public @interface FerryBootTest {
}
