package dev.ferry.client;

import static dev.ferry.client.RecordingEndpoint.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The opening handshake against a server that behaves, and against ones that do not. */
@Timeout(30)
class ClientHandshakeSocketTest {

    private final FerryClientContainer container = new FerryClientContainer();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        container.close();
        if (server != null) {
            server.close();
            assertEquals(List.of(), server.failures());
        }
    }

    private Session connect(RecordingEndpoint endpoint, ClientEndpointConfig config, String path) throws Exception {
        return container.connectToServer(endpoint, config, server.uri(path));
    }

    @Test
    void requestCarriesTheRfcHeadersPathAndQuery() throws Exception {
        CompletableFuture<Peer.Request> seen = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            seen.complete(peer.handshake());
            peer.echoUntilClose(new ArrayList<>());
        });
        Session session = connect(new RecordingEndpoint(), ClientEndpointConfig.Builder.create().build(),
                "/chat/room%201?user=ann&x=%C3%A9");
        Peer.Request request = seen.get(5, TimeUnit.SECONDS);
        assertEquals("GET /chat/room%201?user=ann&x=%C3%A9 HTTP/1.1", request.requestLine());
        assertEquals("127.0.0.1:" + server.uri("/").getPort(), request.header("Host"));
        assertEquals("websocket", request.header("Upgrade"));
        assertEquals("Upgrade", request.header("Connection"));
        assertEquals("13", request.header("Sec-WebSocket-Version"));
        assertEquals(16, java.util.Base64.getDecoder().decode(request.header("Sec-WebSocket-Key")).length);
        assertNull(request.header("Sec-WebSocket-Protocol"));
        assertEquals("user=ann&x=%C3%A9", session.getQueryString());
        assertEquals(Map.of("user", List.of("ann"), "x", List.of("\u00e9")), session.getRequestParameterMap());
        assertEquals(server.uri("/chat/room%201?user=ann&x=%C3%A9"), session.getRequestURI());
        assertEquals("", session.getNegotiatedSubprotocol());
        session.close();
    }

    @Test
    void subprotocolIsOfferedAndTheServersChoiceReadBack() throws Exception {
        CompletableFuture<Peer.Request> seen = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            Peer.Request request = peer.readRequest();
            seen.complete(request);
            peer.send(Peer.switchingProtocols(request, "Sec-WebSocket-Protocol: superchat"));
            peer.echoUntilClose(new ArrayList<>());
        });
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat", "superchat")).build();
        Session session = connect(new RecordingEndpoint(), config, "/");
        assertEquals("chat, superchat", seen.get(5, TimeUnit.SECONDS).header("Sec-WebSocket-Protocol"));
        assertEquals("superchat", session.getNegotiatedSubprotocol());
        session.close();
    }

    @Test
    void configuratorChangesTheRequestAndSeesTheResponse() throws Exception {
        CompletableFuture<Peer.Request> seen = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            seen.complete(peer.handshake("X-Server: yes"));
            peer.echoUntilClose(new ArrayList<>());
        });
        CompletableFuture<Map<String, List<String>>> responseHeaders = new CompletableFuture<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("X-Test", List.of("hello"));
                        headers.put("Origin", List.of("http://example.com"));
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        responseHeaders.complete(Map.copyOf(response.getHeaders()));
                    }
                }).build();
        Session session = connect(new RecordingEndpoint(), config, "/");
        Peer.Request request = seen.get(5, TimeUnit.SECONDS);
        assertEquals("hello", request.header("X-Test"));
        assertEquals("http://example.com", request.header("Origin"));
        Map<String, List<String>> headers = responseHeaders.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("yes"), headers.get("X-Server"));
        assertEquals(List.of("websocket"), headers.get("Upgrade"));
        session.close();
    }

    @Test
    void messageInTheSamePacketAsThe101IsDelivered() throws Exception {
        server = TestServer.start(peer -> {
            Peer.Request request = peer.readRequest();
            byte[] head = Peer.switchingProtocols(request);
            byte[] first = Peer.frame(Opcode.TEXT, "right after the 101".getBytes(StandardCharsets.UTF_8));
            byte[] second = Peer.frame(Opcode.TEXT, "and another".getBytes(StandardCharsets.UTF_8));
            byte[] packet = new byte[head.length + first.length + second.length];
            System.arraycopy(head, 0, packet, 0, head.length);
            System.arraycopy(first, 0, packet, head.length, first.length);
            System.arraycopy(second, 0, packet, head.length + first.length, second.length);
            peer.send(packet); // one write: the client reads head and frames together
            peer.echoUntilClose(new ArrayList<>());
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build(), "/");
        assertEquals("right after the 101", next(endpoint.texts, "the first message"));
        assertEquals("and another", next(endpoint.texts, "the second message"));
        session.getBasicRemote().sendText("still works");
        assertEquals("still works", next(endpoint.texts, "an echo"));
        session.close();
    }

    private DeploymentException refusedWith(String rawResponse) throws Exception {
        CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.readRequest();
            peer.send(rawResponse.getBytes(StandardCharsets.ISO_8859_1));
            clientClosed.complete(peer.clientClosedTcp());
        });
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> connect(new RecordingEndpoint(), ClientEndpointConfig.Builder.create().build(), "/"));
        assertTrue(clientClosed.get(6, TimeUnit.SECONDS), "the client left the connection open after failing");
        return e;
    }

    @Test
    void status200IsRefusedNamingTheStatus() throws Exception {
        DeploymentException e = refusedWith("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertTrue(e.getMessage().contains("HTTP 200 \"OK\""), e.getMessage());
    }

    @Test
    void status404IsRefusedNamingTheStatus() throws Exception {
        DeploymentException e = refusedWith("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertTrue(e.getMessage().contains("HTTP 404 \"Not Found\""), e.getMessage());
    }

    @Test
    void wrongAcceptKeyIsRefused() throws Exception {
        DeploymentException e = refusedWith("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertTrue(e.getMessage().contains("wrong Sec-WebSocket-Accept"), e.getMessage());
    }

    @Test
    void missingUpgradeHeaderIsRefused() throws Exception {
        DeploymentException e = refusedWith("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n\r\n");
        assertTrue(e.getMessage().contains("Upgrade"), e.getMessage());
    }

    @Test
    void oversizedResponseHeadIsRefused() throws Exception {
        String filler = "X-Filler: " + "f".repeat(1000) + "\r\n";
        DeploymentException e = refusedWith("HTTP/1.1 101 Switching Protocols\r\n" + filler.repeat(20));
        assertTrue(e.getMessage().contains("exceed 16384 bytes"), e.getMessage());
    }

    private DeploymentException refusedAnswer(ClientEndpointConfig config, String... extraHeaders) throws Exception {
        server = TestServer.start(peer -> {
            peer.handshake(extraHeaders);
            peer.clientClosedTcp();
        });
        return assertThrows(DeploymentException.class, () -> connect(new RecordingEndpoint(), config, "/"));
    }

    @Test
    void subprotocolTheClientDidNotOfferIsRefused() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("chat"))
                .build();
        DeploymentException e = refusedAnswer(config, "Sec-WebSocket-Protocol: evil");
        assertTrue(e.getMessage().contains("subprotocol [evil]"), e.getMessage());
    }

    @Test
    void subprotocolWhenNoneWasOfferedIsRefused() throws Exception {
        DeploymentException e = refusedAnswer(ClientEndpointConfig.Builder.create().build(),
                "Sec-WebSocket-Protocol: chat");
        assertTrue(e.getMessage().contains("subprotocol"), e.getMessage());
    }

    @Test
    void extensionTheClientDidNotOfferIsRefused() throws Exception {
        DeploymentException e = refusedAnswer(ClientEndpointConfig.Builder.create().build(),
                "Sec-WebSocket-Extensions: x-never-offered");
        assertTrue(e.getMessage().contains("extension x-never-offered"), e.getMessage());
    }

    @Test
    void serverThatNeverAnswersFailsAtTheConnectTimeout() throws Exception {
        CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.readRequest();
            clientClosed.complete(peer.clientClosedTcp()); // never answers
        });
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.ferry.connectTimeout", 500);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        long start = System.nanoTime();
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> connect(endpoint, config, "/"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("timed out after 500 ms"), e.getMessage());
        assertTrue(tookMillis >= 450 && tookMillis < 2_500, "took " + tookMillis + " ms");
        assertTrue(clientClosed.get(6, TimeUnit.SECONDS), "the client left the timed-out connection open");
        assertNull(endpoint.openThread, "onOpen ran for a connection that never opened");
    }

    @Test
    void refusedTcpConnectionIsAnIoException() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> container.connectToServer(new RecordingEndpoint(),
                ClientEndpointConfig.Builder.create().build(), java.net.URI.create("ws://127.0.0.1:" + port + "/")));
        assertTrue(e.getMessage().contains("Cannot connect to ws://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void onlyWsAndWssUrisAreAccepted() {
        for (String uri : List.of("http://127.0.0.1/", "ftp://x/", "/relative", "ws:///nohost", "ws://h/#frag")) {
            assertThrows(DeploymentException.class, () -> container.connectToServer(new RecordingEndpoint(),
                    ClientEndpointConfig.Builder.create().build(), java.net.URI.create(uri)), uri);
        }
        assertNull(container.ioThread(), "a refused URI started the I/O thread");
    }
}
