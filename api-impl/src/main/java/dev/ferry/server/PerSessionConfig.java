package dev.ferry.server;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployed configuration as one handshake and its session see it: everything delegates to
 * the deployed config except the user properties, which are a copy of their own, so that what
 * {@code modifyHandshake} stores for one connection is not seen by another.
 */
final class PerSessionConfig implements ServerEndpointConfig {

    private final ServerEndpointConfig deployed;
    private final Map<String, Object> userProperties;

    PerSessionConfig(ServerEndpointConfig deployed) {
        this.deployed = deployed;
        this.userProperties = new ConcurrentHashMap<>();
        // ConcurrentHashMap refuses null values; a null property means "absent" anyway.
        deployed.getUserProperties().forEach((k, v) -> {
            if (k != null && v != null) {
                userProperties.put(k, v);
            }
        });
    }

    @Override
    public Class<?> getEndpointClass() {
        return deployed.getEndpointClass();
    }

    @Override
    public String getPath() {
        return deployed.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return deployed.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return deployed.getExtensions();
    }

    @Override
    public Configurator getConfigurator() {
        return deployed.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return deployed.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return deployed.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
