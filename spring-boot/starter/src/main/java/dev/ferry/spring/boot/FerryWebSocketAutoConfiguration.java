package dev.ferry.spring.boot;

import dev.ferry.spring.boot.micrometer.FerryMeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Makes Ferry the Jakarta WebSocket implementation of a servlet web application on Boot's
 * embedded Tomcat or Jetty (Boot 3.5 and 4.0). Only APIs common to both Boot versions are used:
 * everything here is in {@code spring-boot}, {@code spring-boot-autoconfigure}, Spring Framework
 * and Micrometer, none of which moved between them.
 *
 * <p>Runs before Boot's own WebSocket auto-configuration (by name, since its package differs
 * between Boot 3.5 and 4.0), which finds nothing to do once the containers' WebSocket jars are
 * excluded.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration",
        "org.springframework.boot.websocket.autoconfigure.servlet.WebSocketServletAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.websocket.server.ServerContainer", "dev.ferry.servlet.FerryServletContainerInitializer"})
@ConditionalOnProperty(prefix = "ferry.websocket", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({FerryWebSocketProperties.class, FerryBroadcastProperties.class})
public class FerryWebSocketAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public FerryServletContextInitializer ferryServletContextInitializer(FerryWebSocketProperties properties,
            FerryBroadcastProperties broadcast) {
        WebSocketApiVersion.check();
        CompetingImplementations.check(FerryWebSocketAutoConfiguration.class.getClassLoader());
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(properties.toInitParameters());
        parameters.putAll(broadcast.toInitParameters());
        return new FerryServletContextInitializer(parameters);
    }

    /** Counts the sessions of Spring's WebSocket and SockJS handlers under their mapping's pattern. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.web.socket.server.support.WebSocketHttpRequestHandler",
            "org.springframework.web.servlet.HandlerInterceptor"})
    static class SpringHandlerMetricsConfiguration {

        @Bean
        MappedInterceptor ferryHandshakeMetricsPathInterceptor() {
            // A MappedInterceptor bean reaches every handler mapping, WebSocketHandlerMapping included.
            return new MappedInterceptor((String[]) null, new HandshakeMetricsPathInterceptor());
        }
    }

    /** Ferry's endpoint counters as Micrometer meters, for Actuator's /actuator/metrics and its exporters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MicrometerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FerryMeterBinder ferryMeterBinder(FerryServletContextInitializer ferry) {
            return new FerryMeterBinder(ferry);
        }
    }
}
