package dev.ferry.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Applies the specification's rules to the classes a servlet container scanned: without a
 * {@link ServerApplicationConfig} every {@code @ServerEndpoint} class is deployed; with one or
 * more, exactly what they return (the union over all of them).
 */
final class ScannedClasses {

    /** The classes to deploy as annotated endpoints, and the configurations to deploy. */
    record Selection(Set<Class<?>> annotated, Set<ServerEndpointConfig> configs) {
    }

    private ScannedClasses() {
    }

    static Selection select(Set<Class<?>> scanned) throws DeploymentException {
        Set<Class<?>> annotated = new LinkedHashSet<>();
        Set<Class<? extends Endpoint>> programmatic = new LinkedHashSet<>();
        Set<Class<? extends ServerApplicationConfig>> appConfigs = new LinkedHashSet<>();
        for (Class<?> c : scanned) {
            if (!isConcrete(c)) {
                continue;
            }
            if (ServerApplicationConfig.class.isAssignableFrom(c)) {
                appConfigs.add(c.asSubclass(ServerApplicationConfig.class));
            }
            if (c.isAnnotationPresent(ServerEndpoint.class)) {
                annotated.add(c);
            }
            if (Endpoint.class.isAssignableFrom(c)) {
                programmatic.add(c.asSubclass(Endpoint.class));
            }
        }
        if (appConfigs.isEmpty()) {
            return new Selection(annotated, Set.of());
        }
        Set<Class<?>> chosenClasses = new LinkedHashSet<>();
        Set<ServerEndpointConfig> chosenConfigs = new LinkedHashSet<>();
        for (Class<? extends ServerApplicationConfig> type : appConfigs) {
            ServerApplicationConfig appConfig = instantiate(type);
            Set<ServerEndpointConfig> configs = appConfig.getEndpointConfigs(new HashSet<>(programmatic));
            if (configs != null) {
                chosenConfigs.addAll(configs);
            }
            Set<Class<?>> classes = appConfig.getAnnotatedEndpointClasses(new HashSet<>(annotated));
            if (classes != null) {
                chosenClasses.addAll(classes);
            }
        }
        return new Selection(chosenClasses, chosenConfigs);
    }

    private static boolean isConcrete(Class<?> c) {
        int m = c.getModifiers();
        return !c.isInterface() && !Modifier.isAbstract(m) && !c.isAnnotation();
    }

    private static ServerApplicationConfig instantiate(Class<? extends ServerApplicationConfig> type)
            throws DeploymentException {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeploymentException("The ServerApplicationConfig " + type.getName()
                    + " needs a public no-argument constructor that succeeds", e);
        }
    }
}
