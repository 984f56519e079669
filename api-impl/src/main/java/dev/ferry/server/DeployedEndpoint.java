package dev.ferry.server;

import dev.ferry.instance.EndpointInstance;
import dev.ferry.instance.ReleasingEndpoint;
import dev.ferry.metrics.EndpointMetrics;
import dev.ferry.pojo.PojoEndpoint;
import dev.ferry.pojo.PojoMetadata;
import dev.ferry.session.FerrySession;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint as deployed at one path: its configuration, the analysis of its annotated class
 * (done once, here), and the live set of its open sessions.
 */
final class DeployedEndpoint {

    private final ServerEndpointConfig config;
    private final PojoMetadata pojo;
    private final Set<FerrySession> openSessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final EndpointMetrics metrics;

    /**
     * @param pojo    the analysed annotated class, or {@code null} for an {@link Endpoint} subclass
     * @param metrics counters shared with other endpoints (a group of programmatic upgrades), or
     *                {@code null} for counters of its own
     */
    DeployedEndpoint(ServerEndpointConfig config, PojoMetadata pojo, EndpointMetrics metrics) {
        this.config = config;
        this.pojo = pojo;
        this.metrics = metrics != null ? metrics : new EndpointMetrics(config.getPath());
    }

    ServerEndpointConfig config() {
        return config;
    }

    Set<FerrySession> openSessions() {
        return openSessions;
    }

    /** The counters its sessions share (registered in JMX when the endpoint is deployed). */
    EndpointMetrics metrics() {
        return metrics;
    }

    /**
     * A fresh endpoint for one connection, from the configurator (where an application plugs in
     * its own instances; the container default asks CDI when it runs). When the instance is owed
     * a release (CDI), the endpoint releases it after {@code onClose}.
     */
    Endpoint newEndpoint(ServerEndpointConfig.Configurator configurator, Map<String, String> pathParameters)
            throws InstantiationException {
        Object instance = configurator.getEndpointInstance(config.getEndpointClass());
        if (instance == null) {
            throw new InstantiationException("The configurator " + configurator.getClass().getName()
                    + " returned no instance of " + config.getEndpointClass().getName());
        }
        EndpointInstance<?> release = FerryDefaultConfigurator.takeRelease(configurator, instance);
        Endpoint endpoint = pojo != null ? new PojoEndpoint(instance, pojo, pathParameters, metrics) : (Endpoint) instance;
        return ReleasingEndpoint.wrap(endpoint, release);
    }
}
