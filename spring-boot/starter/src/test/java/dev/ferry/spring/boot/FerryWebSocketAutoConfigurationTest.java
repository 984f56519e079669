package dev.ferry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.spring.boot.micrometer.FerryMeterBinder;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.handler.MappedInterceptor;

/** Which beans the auto-configuration contributes, by class path and properties (no server started). */
class FerryWebSocketAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FerryWebSocketAutoConfiguration.class));

    @Test
    void aServletApplicationGetsTheInitializerTheInterceptorAndTheMeterBinder() {
        web.withPropertyValues("ferry.websocket.idle-timeout=90s").run(context -> {
            assertEquals(1, context.getBeansOfType(FerryServletContextInitializer.class).size());
            assertEquals(1, context.getBeansOfType(MappedInterceptor.class).size());
            assertEquals(1, context.getBeansOfType(FerryMeterBinder.class).size());
            assertEquals("90000", context.getBean(FerryWebSocketProperties.class).toInitParameters()
                    .get("dev.ferry.idleTimeout"));
        });
    }

    @Test
    void withoutMicrometerThereIsNoMeterBinder() {
        web.withClassLoader(new FilteredClassLoader(MeterBinder.class)).run(context -> {
            assertEquals(1, context.getBeansOfType(FerryServletContextInitializer.class).size());
            assertTrue(context.getBeansOfType(FerryMeterBinder.class).isEmpty());
        });
    }

    @Test
    void switchedOffByProperty() {
        web.withPropertyValues("ferry.websocket.enabled=false").run(context ->
                assertTrue(context.getBeansOfType(FerryServletContextInitializer.class).isEmpty()));
    }

    @Test
    void notInANonWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FerryWebSocketAutoConfiguration.class))
                .run(context -> assertTrue(context.getBeansOfType(FerryServletContextInitializer.class).isEmpty()));
    }
}
