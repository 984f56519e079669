package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import dev.ferry.session.InMemoryTransport;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FerryServerContainerTest {

    @ServerEndpoint("/rooms/{room}")
    public static class RoomEndpoint {
        @OnMessage
        public String onMessage(String text, @PathParam("room") String room, Session session) {
            return room + ":" + text + ":" + session.getOpenSessions().size();
        }
    }

    @ServerEndpoint(value = "/proto", subprotocols = {"base64"})
    public static class ProtocolEndpoint {
        @OnOpen
        public void open(Session session) throws java.io.IOException {
            session.getBasicRemote().sendText("proto=" + session.getNegotiatedSubprotocol());
        }
    }

    public static class DenyAll extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return "https://good.example".equals(originHeaderValue);
        }
    }

    @ServerEndpoint(value = "/guarded", configurator = DenyAll.class)
    public static class GuardedEndpoint {
        @OnMessage
        public void onMessage(String s) {
        }
    }

    @ServerEndpoint("/broken")
    public static class BrokenEndpoint {
        @OnMessage
        public void onMessage(String a, String b) {
        }
    }

    public static class OnlyRooms implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends jakarta.websocket.Endpoint>> c) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(RoomEndpoint.class);
        }
    }

    private final FerryServerContainer container = new FerryServerContainer(FerrySettings.defaults(),
            getClass().getClassLoader());

    @AfterEach
    void shutdown() {
        container.shutdown();
    }

    static UpgradeRequest request(String path, Map<String, String> extra) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of("localhost"));
        headers.put("Upgrade", List.of("websocket"));
        headers.put("Connection", List.of("Upgrade"));
        headers.put("Sec-WebSocket-Key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
        headers.put("Sec-WebSocket-Version", List.of("13"));
        extra.forEach((k, v) -> headers.put(k, List.of(v)));
        return new UpgradeRequest() {
            public String method() { return "GET"; }
            public String protocol() { return "HTTP/1.1"; }
            public String path() { return path; }
            public URI requestUri() { return URI.create("ws://localhost" + path); }
            public String queryString() { return null; }
            public Map<String, List<String>> headers() { return headers; }
            public Map<String, List<String>> parameters() { return Map.of(); }
            public Principal userPrincipal() { return null; }
            public boolean isUserInRole(String role) { return false; }
            public Object httpSession() { return null; }
            public boolean isSecure() { return false; }
        };
    }

    private static void sendText(InMemoryTransport t, String text) {
        ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.TEXT,
                ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, 0x0badf00d);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        t.feed(bytes);
    }

    @Test
    void acceptsAHandshakeAndRunsAnAnnotatedEndpointWithPathParameters() throws Exception {
        container.deployScanned(Set.of(RoomEndpoint.class));
        UpgradeDecision decision = container.decide(request("/rooms/lobby", Map.of()));
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class, decision);
        assertEquals(List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), accept.headers().get("Sec-WebSocket-Accept"));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        sendText(transport, "hi");
        List<InMemoryTransport.Frame> frames = transport.frames();
        assertEquals("lobby:hi:1", frames.get(frames.size() - 1).text());
    }

    @Test
    void passesThroughUnknownPathsAndPlainRequests() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        assertInstanceOf(UpgradeDecision.PassThrough.class, container.decide(request("/other", Map.of())));
        UpgradeRequest plain = request("/rooms/a", Map.of("Upgrade", "h2c"));
        assertInstanceOf(UpgradeDecision.PassThrough.class, container.decide(plain));
    }

    @Test
    void rejectsBadHandshakesWithTheRightStatus() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        UpgradeDecision.Reject version = assertInstanceOf(UpgradeDecision.Reject.class,
                container.decide(request("/rooms/a", Map.of("Sec-WebSocket-Version", "8"))));
        assertEquals(426, version.status());
        UpgradeDecision.Reject key = assertInstanceOf(UpgradeDecision.Reject.class,
                container.decide(request("/rooms/a", Map.of("Sec-WebSocket-Key", "short"))));
        assertEquals(400, key.status());
    }

    @Test
    void originRefusedByTheConfiguratorGets403() throws Exception {
        container.addEndpoint(GuardedEndpoint.class);
        UpgradeDecision.Reject reject = assertInstanceOf(UpgradeDecision.Reject.class,
                container.decide(request("/guarded", Map.of("Origin", "https://evil.example"))));
        assertEquals(403, reject.status());
        assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(request("/guarded", Map.of("Origin", "https://good.example"))));
    }

    @Test
    void negotiatesTheSubprotocolInTheClientsOrder() throws Exception {
        container.addEndpoint(ProtocolEndpoint.class);
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(request("/proto", Map.of("Sec-WebSocket-Protocol", "binary, base64"))));
        assertEquals(List.of("base64"), accept.headers().get("Sec-WebSocket-Protocol"));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        assertEquals("proto=base64", transport.frames().get(0).text());
        UpgradeDecision.Accept none = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(request("/proto", Map.of("Sec-WebSocket-Protocol", "binary"))));
        assertTrue(!none.headers().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void invalidEndpointFailsDeploymentNamingClassAndMethod() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> container.addEndpoint(BrokenEndpoint.class));
        assertTrue(e.getMessage().contains("BrokenEndpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("onMessage"), e.getMessage());
    }

    @ServerEndpoint("relative")
    public static class RelativePathEndpoint {
        @OnMessage
        public void onMessage(String s) {
        }
    }

    @Test
    void pathWithoutLeadingSlashIsADeploymentError() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> container.addEndpoint(RelativePathEndpoint.class));
        assertTrue(e.getMessage().contains(RelativePathEndpoint.class.getName()), e.getMessage());
    }

    @Test
    void deploymentErrorRemovesEarlierEndpointsAndRefusesLaterOnes() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        assertThrows(DeploymentException.class, () -> container.addEndpoint(BrokenEndpoint.class));
        // The application caught the exception; still, nothing of it may be served any more.
        assertInstanceOf(UpgradeDecision.PassThrough.class, container.decide(request("/rooms/x", Map.of())));
        DeploymentException later = assertThrows(DeploymentException.class, () -> container.addEndpoint(ProtocolEndpoint.class));
        assertTrue(later.getMessage().contains("earlier deployment error"), later.getMessage());
        assertInstanceOf(UpgradeDecision.PassThrough.class, container.decide(request("/proto", Map.of())));
    }

    @Test
    void addEndpointAfterTheDeploymentPhaseThrowsIllegalStateException() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        container.endDeployment();
        assertThrows(IllegalStateException.class, () -> container.addEndpoint(ProtocolEndpoint.class));
        assertThrows(IllegalStateException.class,
                () -> container.addEndpoint(ServerEndpointConfig.Builder.create(ProtocolEndpoint.class, "/p").build()));
        // What was deployed before still serves.
        assertInstanceOf(UpgradeDecision.Accept.class, container.decide(request("/rooms/x", Map.of())));
    }

    @Test
    void serverApplicationConfigChoosesWhatIsDeployed() throws Exception {
        container.deployScanned(Set.of(RoomEndpoint.class, ProtocolEndpoint.class, OnlyRooms.class));
        assertInstanceOf(UpgradeDecision.Accept.class, container.decide(request("/rooms/x", Map.of())));
        assertInstanceOf(UpgradeDecision.PassThrough.class, container.decide(request("/proto", Map.of())));
    }

    @Test
    void clashingPathsFailDeployment() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        ServerEndpointConfig clash = ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/rooms/{other}").build();
        assertThrows(DeploymentException.class, () -> container.addEndpoint(clash));
    }

    @Test
    void modifyHandshakeSeesTheRequestAndAPerSessionCopyOfUserProperties() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/rooms/{room}")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                            jakarta.websocket.HandshakeResponse response) {
                        sec.getUserProperties().put("host", request.getHeaders().get("host").get(0));
                        response.getHeaders().put("X-Ferry", List.of("yes"));
                        response.getHeaders().put("X-Params", List.of(request.getParameterMap().toString()));
                    }
                }).build();
        container.addEndpoint(config);
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(request("/rooms/a", Map.of())));
        assertEquals(List.of("yes"), accept.headers().get("x-ferry"));
        assertEquals(List.of("{room=[a]}"), accept.headers().get("x-params"), "path parameters are request parameters too");
        assertTrue(config.getUserProperties().isEmpty(), "the deployed config is not changed by one handshake");
    }

    @Test
    void permessageDeflateIsNegotiatedAsBrowsersOfferIt() throws Exception {
        container.addEndpoint(RoomEndpoint.class);
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class, container.decide(request(
                "/rooms/a", Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"))));
        assertEquals(List.of("permessage-deflate"), accept.headers().get("Sec-WebSocket-Extensions"));
        UpgradeDecision.Accept unknown = assertInstanceOf(UpgradeDecision.Accept.class, container.decide(request(
                "/rooms/a", Map.of("Sec-WebSocket-Extensions", "x-unknown"))));
        assertTrue(!unknown.headers().containsKey("Sec-WebSocket-Extensions"));
    }

    @Test
    void permessageDeflateCanBeSwitchedOffPerEndpoint() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/rooms/{room}").build();
        config.getUserProperties().put("dev.ferry.deflate", "false");
        container.addEndpoint(config);
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class, container.decide(request(
                "/rooms/a", Map.of("Sec-WebSocket-Extensions", "permessage-deflate"))));
        assertTrue(!accept.headers().containsKey("Sec-WebSocket-Extensions"));
    }

    @Test
    void withoutContextTakeoverTheServerAsksBothSidesToReset() throws Exception {
        FerrySettings d = FerrySettings.defaults();
        FerryServerContainer lean = new FerryServerContainer(new FerrySettings(d.maxTextMessageSize(),
                d.maxBinaryMessageSize(), d.maxFrameSize(), d.idleTimeoutMillis(), d.sendTimeoutMillis(),
                d.closeTimeoutMillis(), d.maxOutboundBytes(), 0, 0, true, false, List.of(), true, true, 0, true, 0), getClass().getClassLoader());
        try {
            lean.addEndpoint(RoomEndpoint.class);
            UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class, lean.decide(request(
                    "/rooms/a", Map.of("Sec-WebSocket-Extensions", "permessage-deflate"))));
            assertEquals(List.of("permessage-deflate; server_no_context_takeover; client_no_context_takeover"),
                    accept.headers().get("Sec-WebSocket-Extensions"));
        } finally {
            lean.shutdown();
        }
    }

    @Test
    void originsOutsideTheContainersAllowListGet403() throws Exception {
        FerryServerContainer guarded = new FerryServerContainer(
                FerrySettings.from(Map.of("dev.ferry.allowedOrigins", "https://chat.example")::get),
                getClass().getClassLoader());
        try {
            guarded.addEndpoint(RoomEndpoint.class);
            UpgradeDecision.Reject reject = assertInstanceOf(UpgradeDecision.Reject.class,
                    guarded.decide(request("/rooms/a", Map.of("Origin", "https://evil.example"))));
            assertEquals(403, reject.status());
            assertTrue(reject.message().contains("dev.ferry.allowedOrigins"));
            assertInstanceOf(UpgradeDecision.Accept.class,
                    guarded.decide(request("/rooms/a", Map.of("Origin", "https://chat.example"))));
            assertInstanceOf(UpgradeDecision.Accept.class, guarded.decide(request("/rooms/a", Map.of())));
        } finally {
            guarded.shutdown();
        }
    }

    @Test
    void aConnectionHandedOverAfterShutdownIsToldGoingAwayBeforeItCloses() throws Exception {
        container.shutdown();
        try (java.nio.channels.ServerSocketChannel acceptor = java.nio.channels.ServerSocketChannel.open()
                .bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
                java.net.Socket peer = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                        acceptor.socket().getLocalPort());
                java.nio.channels.SocketChannel accepted = acceptor.accept()) {
            peer.setSoTimeout(5_000);
            assertThrows(IllegalStateException.class, () -> container.adoptConnection(accepted, null,
                    Runnable::run, dev.ferry.nio.CallbackContext.NONE, java.nio.channels.SocketChannel::close));
            byte[] head = peer.getInputStream().readNBytes(4);
            assertEquals(0x88, head[0] & 0xFF, "a close frame");
            assertEquals(1001, (head[2] & 0xFF) << 8 | (head[3] & 0xFF));
        }
    }
}
