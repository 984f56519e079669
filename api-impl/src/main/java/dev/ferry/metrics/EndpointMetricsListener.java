package dev.ferry.metrics;

/**
 * Hears which endpoint counters a server container keeps, for monitoring systems other than JMX
 * (e.g. a Micrometer binder). Both calls are rare (deployment, the first upgrade of a group,
 * shutdown) and may come from any thread; they must not block.
 */
public interface EndpointMetricsListener {

    /** The counters of a deployed endpoint, or of a group of programmatic upgrades, exist from now on. */
    void added(EndpointMetrics metrics);

    /** Those counters are out of service (the application stopped or its deployment failed). */
    void removed(EndpointMetrics metrics);
}
