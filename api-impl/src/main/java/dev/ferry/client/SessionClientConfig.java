package dev.ferry.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The application's {@link ClientEndpointConfig} as one session sees it: everything is the
 * application's, except the user properties, which start as a copy so that what one session
 * stores there is its own (one config may serve many connections).
 */
final class SessionClientConfig implements ClientEndpointConfig {

    private final ClientEndpointConfig delegate;
    private final Map<String, Object> userProperties = new ConcurrentHashMap<>();

    SessionClientConfig(ClientEndpointConfig delegate) {
        this.delegate = delegate;
        delegate.getUserProperties().forEach((name, value) -> {
            if (name != null && value != null) {
                userProperties.put(name, value);
            }
        });
    }

    @Override
    public List<String> getPreferredSubprotocols() {
        return delegate.getPreferredSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return delegate.getExtensions();
    }

    @Override
    public SSLContext getSSLContext() {
        return delegate.getSSLContext();
    }

    @Override
    public Configurator getConfigurator() {
        return delegate.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return delegate.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return delegate.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
