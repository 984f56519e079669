package dev.ferry.server;

import dev.ferry.message.DecoderSet;
import dev.ferry.metrics.EndpointMetrics;
import dev.ferry.pojo.PojoMetadata;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** Turns an endpoint class or configuration into a validated {@link DeployedEndpoint}. */
final class EndpointDeployer {

    private EndpointDeployer() {
    }

    /** An {@code @ServerEndpoint} class: its annotation becomes the configuration. */
    static DeployedEndpoint fromAnnotatedClass(Class<?> endpointClass) throws DeploymentException {
        ServerEndpoint annotation = endpointClass.getAnnotation(ServerEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException(endpointClass.getName() + " is not annotated with @ServerEndpoint");
        }
        ServerEndpointConfig.Configurator configurator = configuratorOf(endpointClass, annotation);
        ServerEndpointConfig config;
        try {
            config = ServerEndpointConfig.Builder.create(endpointClass, annotation.value())
                    .subprotocols(Arrays.asList(annotation.subprotocols()))
                    .decoders(Arrays.asList(annotation.decoders()))
                    .encoders(Arrays.asList(annotation.encoders()))
                    .configurator(configurator)
                    .build();
        } catch (RuntimeException e) {
            // The API's builder refuses e.g. a path without a leading "/" with an IllegalStateException;
            // for the application that is a deployment error like any other.
            throw new DeploymentException(endpointClass.getName() + ": @ServerEndpoint(\"" + annotation.value()
                    + "\") is not a valid endpoint: " + e.getMessage(), e);
        }
        return fromConfig(config);
    }

    /**
     * A configuration: its endpoint class is either an {@link Endpoint} subclass or an annotated
     * class, whose methods are analysed here, once.
     */
    static DeployedEndpoint fromConfig(ServerEndpointConfig config) throws DeploymentException {
        return fromConfig(config, null);
    }

    /** As {@link #fromConfig(ServerEndpointConfig)}, counting in {@code metrics} (null: counters of its own). */
    static DeployedEndpoint fromConfig(ServerEndpointConfig config, EndpointMetrics metrics) throws DeploymentException {
        Class<?> endpointClass = config.getEndpointClass();
        if (endpointClass == null) {
            throw new DeploymentException("The ServerEndpointConfig for " + config.getPath() + " has no endpoint class");
        }
        UriTemplate template = new UriTemplate(config.getPath());
        DecoderSet.validate(config.getDecoders());
        if (Endpoint.class.isAssignableFrom(endpointClass)) {
            if (Modifier.isAbstract(endpointClass.getModifiers())) {
                throw new DeploymentException(endpointClass.getName() + " is abstract and cannot serve "
                        + config.getPath());
            }
            return new DeployedEndpoint(config, null, metrics);
        }
        PojoMetadata pojo = PojoMetadata.analyse(endpointClass, template.variableNames(), config.getDecoders(),
                config.getEncoders());
        return new DeployedEndpoint(config, pojo, metrics);
    }

    private static ServerEndpointConfig.Configurator configuratorOf(Class<?> endpointClass, ServerEndpoint annotation)
            throws DeploymentException {
        Class<? extends ServerEndpointConfig.Configurator> type = annotation.configurator();
        if (type == ServerEndpointConfig.Configurator.class) {
            return new FerryDefaultConfigurator();
        }
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeploymentException(endpointClass.getName() + ": the configurator " + type.getName()
                    + " needs a public no-argument constructor that succeeds", e);
        }
    }
}
