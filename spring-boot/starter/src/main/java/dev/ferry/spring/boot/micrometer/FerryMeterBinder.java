package dev.ferry.spring.boot.micrometer;

import dev.ferry.spring.boot.FerryServletContextInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Shows Ferry's per-endpoint counters (the ones its JMX MBeans show) as Micrometer meters named
 * {@code ferry.websocket.*}, tagged with {@code application} (the context path) and {@code path}
 * (the endpoint's path template, or the Spring handler's pattern). Boot's Actuator binds it to
 * its registry; endpoints deployed later, and Spring handler patterns first used later, get
 * their meters then.
 */
public class FerryMeterBinder implements MeterBinder {

    private final FerryServletContextInitializer ferry;

    public FerryMeterBinder(FerryServletContextInitializer ferry) {
        this.ferry = ferry;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ferry.whenStarted(container ->
                container.addMetricsListener(new EndpointMeters(registry, container.applicationName())));
    }
}
