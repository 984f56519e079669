package dev.ferry.client;

import dev.ferry.config.FerrySettings;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import java.lang.System.Logger.Level;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Reads the {@code dev.ferry.*} user properties of a {@link ClientEndpointConfig}: the connect
 * timeout, the TLS context, and overrides of the container's per-session defaults (the same
 * names the server side accepts, e.g. {@code dev.ferry.maxFrameSize}).
 */
final class ClientProperties {

    static final String CONNECT_TIMEOUT = FerrySettings.PREFIX + "connectTimeout";
    static final String SSL_CONTEXT = FerrySettings.PREFIX + "sslContext";
    static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    private static final System.Logger LOG = System.getLogger(ClientProperties.class.getName());

    private ClientProperties() {
    }

    /** How long connect, TLS and the opening handshake may take together, in ms (at least 1). */
    /**
     * Whether to offer permessage-deflate on top of the configured extensions: the user property
     * {@code dev.ferry.deflate}, default false, because a client's offer is what its configuration
     * says it is (an application may also list permessage-deflate among the config's extensions).
     */
    static boolean deflate(ClientEndpointConfig config) {
        Object value = config.getUserProperties().get(FerrySettings.PREFIX + "deflate");
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    static long connectTimeoutMillis(ClientEndpointConfig config) {
        return Math.max(1, number(config.getUserProperties(), CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_MILLIS));
    }

    /**
     * The TLS context for {@code wss://}: the config's own ({@link ClientEndpointConfig#getSSLContext()}),
     * else the {@code dev.ferry.sslContext} user property, else the JDK default.
     */
    static SSLContext sslContext(ClientEndpointConfig config) throws DeploymentException {
        if (config.getSSLContext() != null) {
            return config.getSSLContext();
        }
        Object property = config.getUserProperties().get(SSL_CONTEXT);
        if (property instanceof SSLContext context) {
            return context;
        }
        if (property != null) {
            throw new DeploymentException("The user property " + SSL_CONTEXT + " must be a javax.net.ssl.SSLContext, not "
                    + property.getClass().getName());
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new DeploymentException("No default TLS context is available for wss://", e);
        }
    }

    private static long number(Map<String, Object> properties, String name, long fallback) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Ignoring client property " + name + "='" + value + "': not a whole number");
            return fallback;
        }
    }
}
