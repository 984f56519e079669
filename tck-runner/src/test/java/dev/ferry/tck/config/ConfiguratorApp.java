package dev.ferry.tck.config;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Server endpoints with configurators that touch each step of the opening handshake. */
public final class ConfiguratorApp {

    private ConfiguratorApp() {
    }

    /** Copies a request header into the session's user properties and adds a response header. */
    public static class HeaderConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> values = request.getHeaders().get("x-test-request");
            sec.getUserProperties().put("seen", values == null ? "none" : String.join("+", values));
            response.getHeaders().put("X-Test-Response", List.of("from-server"));
        }
    }

    @ServerEndpoint(value = "/headers", configurator = HeaderConfigurator.class)
    public static class Headers {
        @OnMessage
        public String seen(String ignored, Session session) {
            return String.valueOf(session.getUserProperties().get("seen"));
        }
    }

    public static class OriginChecker extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return "http://trusted.example".equals(originHeaderValue);
        }
    }

    @ServerEndpoint(value = "/origin", configurator = OriginChecker.class)
    public static class OriginChecked {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint(value = "/subprotocols", subprotocols = {"chat", "superchat"})
    public static class DefaultSubprotocols {
        @OnMessage
        public String protocol(String ignored, Session session) {
            return "[" + session.getNegotiatedSubprotocol() + "]";
        }
    }

    /** Picks the last protocol both sides know, instead of the client's favourite. */
    public static class LastSubprotocol extends ServerEndpointConfig.Configurator {
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            String chosen = "";
            for (String protocol : requested) {
                if (supported.contains(protocol)) {
                    chosen = protocol;
                }
            }
            return chosen;
        }
    }

    @ServerEndpoint(value = "/subprotocols-last", subprotocols = {"chat", "superchat"}, configurator = LastSubprotocol.class)
    public static class CustomSubprotocols {
        @OnMessage
        public String protocol(String ignored, Session session) {
            return session.getNegotiatedSubprotocol();
        }
    }

    /** Refuses every extension. */
    public static class NoExtensions extends ServerEndpointConfig.Configurator {
        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }
    }

    @ServerEndpoint(value = "/no-extensions", configurator = NoExtensions.class)
    public static class WithoutExtensions {
        @OnMessage
        public String extensions(String ignored, Session session) {
            return "extensions=" + session.getNegotiatedExtensions().size();
        }
    }

    /** The server's default negotiation: installed extensions the client asks for. */
    @ServerEndpoint("/default-extensions")
    public static class DefaultExtensions {
        @OnMessage
        public String extensions(String text, Session session) {
            if (text.length() > 100) {
                return text; // an echo, to see that compressed messages survive both ways
            }
            StringBuilder names = new StringBuilder();
            for (Extension e : session.getNegotiatedExtensions()) {
                names.append(e.getName()).append(';');
            }
            return names.toString();
        }
    }

    /** Builds endpoint instances itself, each with a serial number. */
    public static class NumberingConfigurator extends ServerEndpointConfig.Configurator {
        private static final AtomicInteger SERIAL = new AtomicInteger();

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new Numbered("made-by-configurator-" + SERIAL.incrementAndGet()));
        }
    }

    @ServerEndpoint(value = "/numbered", configurator = NumberingConfigurator.class)
    public static class Numbered {
        private final String name;

        public Numbered() {
            this("made-by-container");
        }

        Numbered(String name) {
            this.name = name;
        }

        @OnMessage
        public String name(String ignored) {
            return name;
        }
    }

    /** Without a configurator, each session gets an endpoint instance of its own. */
    @ServerEndpoint("/instances")
    public static class PerSessionInstance {
        private int messages;

        @OnMessage
        public String count(String ignored) {
            return String.valueOf(++messages);
        }
    }

    /** The container's default configurator, as the spec makes it reachable from a custom one. */
    @ServerEndpoint("/default-configurator")
    public static class DefaultConfiguratorReport {
        @OnOpen
        public void open(Session session, jakarta.websocket.EndpointConfig config) {
            ServerEndpointConfig.Configurator configurator = ((ServerEndpointConfig) config).getConfigurator();
            session.getUserProperties().put("origin-ok", configurator.checkOrigin("http://anything.example"));
        }

        @OnMessage
        public String report(String ignored, Session session) {
            Map<String, Object> p = session.getUserProperties();
            return "origin-ok=" + p.get("origin-ok");
        }
    }
}
