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
 * {@code modifyHandshake} stores for one connection is not seen by another. The copy is made when
 * somebody first asks for the map: most sessions never do, and an idle connection then holds none.
 */
final class PerSessionConfig implements ServerEndpointConfig {

    private final ServerEndpointConfig deployed;
    private volatile Map<String, Object> userProperties;

    PerSessionConfig(ServerEndpointConfig deployed) {
        this.deployed = deployed;
    }

    /**
     * The user properties as they stand, to read Ferry's own settings from without making the
     * session's copy: the copy when one was made, else the deployed ones.
     */
    static Map<String, Object> currentUserProperties(ServerEndpointConfig config) {
        if (config instanceof PerSessionConfig perSession) {
            Map<String, Object> copy = perSession.userProperties;
            return copy != null ? copy : perSession.deployed.getUserProperties();
        }
        return config.getUserProperties();
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
        Map<String, Object> copy = userProperties;
        if (copy == null) {
            synchronized (this) {
                copy = userProperties;
                if (copy == null) {
                    copy = new ConcurrentHashMap<>();
                    // ConcurrentHashMap refuses null values; a null property means "absent" anyway.
                    for (Map.Entry<String, Object> e : deployed.getUserProperties().entrySet()) {
                        if (e.getKey() != null && e.getValue() != null) {
                            copy.put(e.getKey(), e.getValue());
                        }
                    }
                    userProperties = copy;
                }
            }
        }
        return copy;
    }
}
