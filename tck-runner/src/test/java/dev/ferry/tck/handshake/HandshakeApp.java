package dev.ferry.tck.handshake;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.TreeMap;

/** An endpoint whose configurator writes down the HandshakeRequest, and an echo for other clients. */
public final class HandshakeApp {

    private HandshakeApp() {
    }

    /**
     * Records the handshake request into the session's user properties (through the config's, which
     * the container copies per session). modifyHandshake runs once per handshake, so the copy is
     * this handshake's.
     */
    public static class RecordingConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put("uri", request.getRequestURI().toString());
            sec.getUserProperties().put("query", String.valueOf(request.getQueryString()));
            sec.getUserProperties().put("parameters", new TreeMap<>(request.getParameterMap()).toString());
            List<String> mixedCase = request.getHeaders().get("X-MiXeD-CaSe");
            sec.getUserProperties().put("header", String.valueOf(mixedCase));
            sec.getUserProperties().put("principal", String.valueOf(request.getUserPrincipal()));
            sec.getUserProperties().put("in-role", String.valueOf(request.isUserInRole("admin")));
            sec.getUserProperties().put("http-session", String.valueOf(request.getHttpSession()));
            sec.getUserProperties().put("version", String.valueOf(request.getHeaders().get("Sec-WebSocket-Version")));
            response.getHeaders().put("X-Handshake", List.of("seen"));
        }
    }

    @ServerEndpoint(value = "/handshake", configurator = RecordingConfigurator.class)
    public static class Recorded {
        @OnMessage
        public String property(String name, Session session) {
            return String.valueOf(session.getUserProperties().get(name));
        }
    }

    @ServerEndpoint("/echo")
    public static class Echo {
        @OnMessage
        public String echo(String text) {
            return text;
        }

        @OnMessage
        public byte[] echo(byte[] data) {
            return data;
        }
    }
}
