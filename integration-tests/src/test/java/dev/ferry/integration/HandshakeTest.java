package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.EarlyFrameClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening handshakes written byte by byte, answered by Ferry inside each servlet container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandshakeTest {

    private RunningServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(TestEndpoints.ALL, TestEndpoints.helloServlet());
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    private RawHttpConnection.Head handshake(ServerKind kind, String path, String... headers) throws Exception {
        int port = servers.port(kind);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.sendRequest("GET", path, port, headers);
            return c.readHead();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void validHandshakeIsAcceptedWithTheRightAcceptKey(ServerKind kind) throws Exception {
        String key = RawWebSocketClient.newKey();
        RawHttpConnection.Head head = handshake(kind, "/echo", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
        assertEquals(101, head.status(), head.statusLine());
        assertEquals(RawWebSocketClient.acceptFor(key), head.header("Sec-WebSocket-Accept"));
        assertEquals("websocket", head.header("Upgrade").toLowerCase(java.util.Locale.ROOT));
    }

    /** A client that writes its first frame with the request, without waiting for the 101. */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFrameSentWithTheHandshakeIsEchoed(ServerKind kind) throws Exception {
        EarlyFrameClient.Answer answer = EarlyFrameClient.sendWithHandshake(
                java.net.URI.create("ws://127.0.0.1:" + servers.port(kind) + "/echo"), "sent early",
                java.time.Duration.ofSeconds(10));
        assertTrue(answer.statusLine().startsWith("HTTP/1.1 101"), answer.statusLine());
        assertEquals("sent early", answer.echoed());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void missingKeyIsRefusedWith400(ServerKind kind) throws Exception {
        RawHttpConnection.Head head = handshake(kind, "/echo", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13");
        assertEquals(400, head.status(), head.statusLine());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void unsupportedVersionIsRefusedWith426NamingVersion13(ServerKind kind) throws Exception {
        RawHttpConnection.Head head = handshake(kind, "/echo", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + RawWebSocketClient.newKey(), "Sec-WebSocket-Version: 8");
        assertEquals(426, head.status(), head.statusLine());
        assertEquals("13", head.header("Sec-WebSocket-Version"));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void connectionHeaderWithSeveralTokensIsAccepted(ServerKind kind) throws Exception {
        RawHttpConnection.Head head = handshake(kind, "/echo", "Upgrade: websocket", "Connection: keep-alive, Upgrade",
                "Sec-WebSocket-Key: " + RawWebSocketClient.newKey(), "Sec-WebSocket-Version: 13");
        assertEquals(101, head.status(), head.statusLine());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void ordinaryRequestPassesThroughToItsServlet(ServerKind kind) throws Exception {
        int port = servers.port(kind);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.sendRequest("GET", "/hello", port);
            RawHttpConnection.Head head = c.readHead();
            assertEquals(200, head.status(), head.statusLine());
            assertEquals("hello", c.readBody(head));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void subprotocolIsChosenFromTheClientsOffer(ServerKind kind) throws Exception {
        RawHttpConnection.Head head = handshake(kind, "/proto", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + RawWebSocketClient.newKey(), "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Protocol: binary, base64");
        assertEquals(101, head.status(), head.statusLine());
        assertEquals("base64", head.header("Sec-WebSocket-Protocol"));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void originRefusedByTheConfiguratorGets403(ServerKind kind) throws Exception {
        RawHttpConnection.Head head = handshake(kind, "/origin", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + RawWebSocketClient.newKey(), "Sec-WebSocket-Version: 13",
                "Origin: http://elsewhere.example");
        assertEquals(403, head.status(), head.statusLine());
    }

}
