package dev.ferry.tck.support;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the team's TCK-style tests share: Arquillian, the URL of the deployed WAR, and Ferry's client
 * container as {@code ContainerProvider} finds it (one per test class, closed afterwards, which
 * also closes the sessions a failed test left open).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class WebSocketTestBase {

    protected static WebSocketContainer client;

    @ArquillianResource
    protected URL base;

    @BeforeAll
    static void createClient() {
        client = ContainerProvider.getWebSocketContainer();
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
        client = null;
    }

    /** The ws:// URI of {@code path} (relative, e.g. {@code "echo?x=1"}) in the deployed WAR. */
    protected URI ws(String path) {
        return WebSocketUris.of(base, path);
    }

    /** The http:// URI of {@code path} in the deployed WAR. */
    protected URI http(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    protected RecordingClient connect(String path) throws DeploymentException, IOException {
        return connect(path, ClientEndpointConfig.Builder.create().build());
    }

    protected RecordingClient connect(String path, ClientEndpointConfig config) throws DeploymentException, IOException {
        RecordingClient endpoint = new RecordingClient();
        Session session = client.connectToServer(endpoint, config, ws(path));
        if (endpoint.session() == null) {
            throw new IllegalStateException("onOpen did not run before connectToServer returned " + session);
        }
        return endpoint;
    }
}
