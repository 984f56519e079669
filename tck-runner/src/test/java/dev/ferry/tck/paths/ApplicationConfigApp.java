package dev.ferry.tck.paths;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Two {@link ServerApplicationConfig}s (section 6.2): one keeps only some annotated endpoints, the
 * other deploys a programmatic endpoint twice. The container deploys the union of their answers.
 */
public final class ApplicationConfigApp {

    private ApplicationConfigApp() {
    }

    @ServerEndpoint("/kept")
    public static class Kept {
        @OnOpen
        public void open(Session s) throws IOException {
            s.getBasicRemote().sendText("kept");
        }
    }

    @ServerEndpoint("/dropped")
    public static class Dropped {
        @OnOpen
        public void open(Session s) throws IOException {
            s.getBasicRemote().sendText("dropped");
        }
    }

    public static class Greeting extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            try {
                session.getBasicRemote().sendText("programmatic " + config.getUserProperties().get("name"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class KeepOnlyKept implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            Set<Class<?>> kept = new HashSet<>(scanned);
            kept.remove(Dropped.class);
            return kept;
        }
    }

    public static class TwoProgrammatic implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            ServerEndpointConfig one = ServerEndpointConfig.Builder.create(Greeting.class, "/one").build();
            one.getUserProperties().put("name", "one");
            ServerEndpointConfig two = ServerEndpointConfig.Builder.create(Greeting.class, "/two").build();
            two.getUserProperties().put("name", "two");
            return Set.of(one, two);
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of();
        }
    }
}
