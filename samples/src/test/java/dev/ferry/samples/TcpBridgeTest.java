package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.tcp.TcpBridge;
import dev.ferry.samples.tcp.TcpTarget;
import dev.ferry.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TCP bridge in every container, relaying to TCP services on 127.0.0.1 that the test runs:
 * an echo server, one that greets and hangs up, and a port nobody listens on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpBridgeTest {

    private TcpTestServer echo;
    private TcpTestServer greeter;
    private RunningDemos demos;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        echo = TcpTestServer.echo();
        greeter = TcpTestServer.greetAndClose("hello from TCP\n");
        TcpTarget echoTarget = new TcpTarget("127.0.0.1", echo.port());
        TcpTarget greeterTarget = new TcpTarget("127.0.0.1", greeter.port());
        TcpTarget nobody = new TcpTarget("127.0.0.1", TcpTestServer.closedPort());
        demos = RunningDemos.start(() -> List.of(
                new TcpBridge("/tcp", echoTarget, 8, 2000),
                new TcpBridge("/tcp-greeter", greeterTarget, 8, 2000),
                new TcpBridge("/tcp-nobody", nobody, 8, 2000),
                new TcpBridge("/tcp-one", echoTarget, 1, 2000)));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (demos != null) {
                demos.close();
            }
        } finally {
            echo.close();
            greeter.close();
        }
    }

    private URI uri(ServerKind kind, String path) {
        return URI.create("ws://127.0.0.1:" + demos.port(kind) + path);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void binarySubprotocolRelaysBytesBothWays(ServerKind kind) throws Exception {
        byte[] sent = randomBytes(200_000, 1);
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"), "binary")) {
            assertEquals("binary", client.ws.getSubprotocol());
            // Several messages; TCP may cut and join them differently on the way back.
            for (int offset = 0; offset < sent.length; offset += 50_000) {
                client.ws.sendBinary(ByteBuffer.wrap(sent, offset, 50_000), true).get(10, TimeUnit.SECONDS);
            }
            assertArrayEquals(sent, client.awaitBytes(sent.length));
            client.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            assertEquals("1000", client.awaitClose().split(" ")[0]);
        }
        // Closing the WebSocket closed the TCP connection too.
        echo.awaitOpenConnections(0);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void base64SubprotocolRelaysBytesAsText(ServerKind kind) throws Exception {
        byte[] sent = randomBytes(30_000, 2);
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"), "base64")) {
            assertEquals("base64", client.ws.getSubprotocol());
            client.ws.sendText(Base64.getEncoder().encodeToString(Arrays.copyOf(sent, 10_000)), true).get(10, TimeUnit.SECONDS);
            client.ws.sendText(Base64.getEncoder().encodeToString(Arrays.copyOfRange(sent, 10_000, sent.length)), true)
                    .get(10, TimeUnit.SECONDS);
            assertArrayEquals(sent, client.awaitBytes(sent.length));
        }
        echo.awaitOpenConnections(0);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void clientPreferenceDecidesBetweenTheTwo(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"), "chat", "base64", "binary")) {
            assertEquals("base64", client.ws.getSubprotocol());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void webSocketClosesWhenTheTcpServiceHangsUp(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp-greeter"), "binary")) {
            assertEquals("hello from TCP\n", new String(client.awaitBytes(15), StandardCharsets.UTF_8));
            assertEquals("1000 The TCP service closed the connection", client.awaitClose());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void unreachableTcpServiceClosesWith1014(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp-nobody"), "binary")) {
            String closed = client.awaitClose();
            assertTrue(closed.startsWith("1014 Cannot reach the TCP service: "), closed);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void clientWithoutEitherSubprotocolIsClosedWith1002(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"))) {
            assertEquals("", client.ws.getSubprotocol());
            assertEquals("1002 Offer the subprotocol binary or base64", client.awaitClose());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void textOnTheBinarySubprotocolIsClosedWith1003(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"), "binary")) {
            client.ws.sendText("aGVsbG8=", true).get(10, TimeUnit.SECONDS);
            assertEquals("1003 This subprotocol carries binary messages only", client.awaitClose());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void invalidBase64IsClosedWith1007(ServerKind kind) throws Exception {
        try (RelayClient client = RelayClient.connect(http, uri(kind, "/tcp"), "base64")) {
            client.ws.sendText("not base64!", true).get(10, TimeUnit.SECONDS);
            String closed = client.awaitClose();
            assertTrue(closed.startsWith("1007 Not Base64"), closed);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void connectionsPastTheLimitAreRefusedWith1013(ServerKind kind) throws Exception {
        try (RelayClient first = RelayClient.connect(http, uri(kind, "/tcp-one"), "binary")) {
            first.ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
            assertArrayEquals(new byte[] {1, 2, 3}, first.awaitBytes(3)); // its relay thread is busy now
            try (RelayClient second = RelayClient.connect(http, uri(kind, "/tcp-one"), "binary")) {
                assertEquals("1013 All 1 bridge connections are in use", second.awaitClose());
            }
            first.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            first.awaitClose();
        }
        // The slot is free again once the first relay has ended (a moment after its socket closed):
        // until then a new connection is refused with 1013, after that it is relayed.
        echo.awaitOpenConnections(0);
        Poll.until(Duration.ofSeconds(10), "the bridge to free its one connection", () -> {
            try (RelayClient again = RelayClient.connect(http, uri(kind, "/tcp-one"), "binary")) {
                again.ws.sendBinary(ByteBuffer.wrap(new byte[] {4}), true);
                byte[] echoed = again.awaitBytesUnlessClosed(1);
                if (echoed != null) {
                    assertArrayEquals(new byte[] {4}, echoed);
                    return true;
                }
                String refused = again.awaitClose();
                assertTrue(refused.startsWith("1013"), refused);
                return false;
            }
        });
    }
}
