package dev.ferry.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the endpoint counters of one server container are shown: JMX (unless switched off) and
 * the {@link EndpointMetricsListener}s of other monitoring systems. Besides deployed endpoints it
 * keeps the groups in which programmatic upgrades are counted, by the path the application named.
 */
public final class ContainerMetrics {

    /** The endpoints' MBeans, or null when JMX is switched off. */
    private final JmxRegistrations jmx;
    private final MetricsPublisher publisher = new MetricsPublisher();
    private final Map<String, EndpointMetrics> groups = new ConcurrentHashMap<>();
    private final String applicationName;

    /** @param applicationName the context path ({@code /} for the root application) */
    public ContainerMetrics(boolean jmxEnabled, String applicationName) {
        this.applicationName = applicationName == null || applicationName.isEmpty() ? "/" : applicationName;
        this.jmx = jmxEnabled ? new JmxRegistrations(ManagementFactory.getPlatformMBeanServer(), this.applicationName) : null;
    }

    public String applicationName() {
        return applicationName;
    }

    /** Shows the counters of an endpoint that was just deployed. */
    public void deployed(EndpointMetrics metrics) {
        if (jmx != null) {
            jmx.register(metrics);
        }
        publisher.publish(metrics);
    }

    /**
     * The counters of the programmatic upgrades named {@code path}, created and shown on first
     * use. Every group lives as long as the container, so {@code path} must be a template (as
     * {@code /stomp/**}), never a request's URL.
     */
    public EndpointMetrics group(String path) {
        EndpointMetrics known = groups.get(path);
        if (known != null) {
            return known;
        }
        EndpointMetrics created = new EndpointMetrics(path);
        known = groups.putIfAbsent(path, created);
        if (known != null) {
            return known;
        }
        // Shown outside the map's lock: JMX and the listeners hear of each group once.
        deployed(created);
        return created;
    }

    /**
     * Shows {@code mbean} in JMX (unless switched off) as
     * {@code dev.ferry:type=<type>,application=...,container=<n>[,<key>="<value>"]} until the
     * returned action runs or the container closes.
     */
    public <T> Runnable showInJmx(String type, String key, String value, T mbean, Class<T> view) {
        if (jmx == null) {
            return () -> { };
        }
        javax.management.ObjectName name = jmx.register(type, key, value, mbean, view);
        return () -> jmx.unregister(name);
    }

    public void addListener(EndpointMetricsListener listener) {
        publisher.addListener(listener);
    }

    /** Takes every counter out of view (shutdown, or a failed deployment); nothing is shown later. */
    public void close() {
        if (jmx != null) {
            jmx.unregisterAll();
        }
        publisher.withdrawAll();
    }
}
