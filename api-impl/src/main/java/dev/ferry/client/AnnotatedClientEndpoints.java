package dev.ferry.client;

import dev.ferry.pojo.PojoEndpoint;
import dev.ferry.pojo.PojoMetadata;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code @ClientEndpoint} classes one container has connected with, each analysed once:
 * validation and method preparation cost reflection, and a client may connect many times.
 * Classes that fail analysis are not remembered; each attempt reports the same problems.
 */
final class AnnotatedClientEndpoints {

    private final Map<Class<?>, PojoMetadata> analysed = new ConcurrentHashMap<>();

    /** An endpoint class ready to connect: its adapter for one connection and its configuration. */
    record Prepared(PojoEndpoint endpoint, ClientEndpointConfig config) {
    }

    /** Creates an instance with the class's public no-argument constructor and prepares it. */
    Prepared instantiate(Class<?> endpointClass) throws DeploymentException {
        PojoMetadata metadata = metadataFor(endpointClass);
        Object instance;
        try {
            instance = endpointClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeploymentException("Cannot create an instance of the client endpoint " + endpointClass.getName()
                    + ": it needs a public no-argument constructor that succeeds", e);
        }
        return new Prepared(new PojoEndpoint(instance, metadata, Map.of()), configFor(endpointClass));
    }

    /** Prepares an instance the application created. */
    Prepared wrap(Object instance) throws DeploymentException {
        Class<?> endpointClass = instance.getClass();
        return new Prepared(new PojoEndpoint(instance, metadataFor(endpointClass), Map.of()), configFor(endpointClass));
    }

    /** The analysis of {@code endpointClass}, done on first use. */
    PojoMetadata metadataFor(Class<?> endpointClass) throws DeploymentException {
        PojoMetadata known = analysed.get(endpointClass);
        if (known != null) {
            return known;
        }
        ClientEndpoint annotation = annotationOf(endpointClass);
        PojoMetadata metadata = PojoMetadata.analyse(endpointClass, Set.of(), Arrays.asList(annotation.decoders()),
                Arrays.asList(annotation.encoders()));
        PojoMetadata raced = analysed.putIfAbsent(endpointClass, metadata);
        return raced != null ? raced : metadata;
    }

    /** A fresh configuration from the annotation (each connection gets its own user properties). */
    private static ClientEndpointConfig configFor(Class<?> endpointClass) throws DeploymentException {
        ClientEndpoint annotation = annotationOf(endpointClass);
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(Arrays.asList(annotation.subprotocols()))
                .decoders(Arrays.asList(annotation.decoders()))
                .encoders(Arrays.asList(annotation.encoders()))
                .configurator(configurator(endpointClass, annotation))
                .build();
    }

    private static ClientEndpoint annotationOf(Class<?> endpointClass) throws DeploymentException {
        ClientEndpoint annotation = endpointClass.getAnnotation(ClientEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException(endpointClass.getName() + " is not annotated with @ClientEndpoint"
                    + " (or pass an Endpoint subclass with a ClientEndpointConfig)");
        }
        return annotation;
    }

    private static ClientEndpointConfig.Configurator configurator(Class<?> endpointClass, ClientEndpoint annotation)
            throws DeploymentException {
        Class<? extends ClientEndpointConfig.Configurator> type = annotation.configurator();
        if (type == ClientEndpointConfig.Configurator.class) {
            return new ClientEndpointConfig.Configurator();
        }
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeploymentException(endpointClass.getName() + ": the configurator " + type.getName()
                    + " needs a public no-argument constructor that succeeds", e);
        }
    }
}
