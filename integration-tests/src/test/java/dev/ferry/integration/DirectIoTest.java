package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import dev.ferry.embedded.TomcatServer;
import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ferry's own I/O on upgraded plain-TCP connections ({@code dev.ferry.directIo}, on by default),
 * in every container that has it (Tomcat, Jetty): a Ferry I/O thread carries the bytes, and the
 * container still accounts for the connection, getting it back when it closes, however it closes.
 * In Undertow, which has no direct I/O, the same tests check that the servlet upgrade does the same.
 */
class DirectIoTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void ferrysIoThreadCarriesTheBytesAndTheContainerGetsEachConnectionBack(ServerKind kind) throws Exception {
        long ioThreadsBefore = ferryIoThreads();
        EmbeddedServer server = kind.create();
        server.start(0, FerryWebApp.deploying(Set.of(EchoEndpoint.class)).build());
        try {
            HttpClient http = HttpClient.newHttpClient();
            JdkMessageCollector closing = new JdkMessageCollector();
            WebSocket graceful = connect(http, server, closing);
            graceful.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello", closing.nextMessage(WAIT));
            if (hasDirectIo(kind)) {
                assertTrue(ferryIoThreads() > ioThreadsBefore, "no ferry-io thread serves the connection");
            } else {
                assertEquals(ioThreadsBefore, ferryIoThreads(),
                        kind + " has no direct I/O: its connections take the servlet upgrade, with no ferry-io thread");
            }
            // Tomcat also counts the connection its acceptor waits for, from a moment after its start.
            long idle = settled(server::openConnections) - 1;

            graceful.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            assertEquals(1000, closing.awaitClose(WAIT).code());
            awaitEquals(idle, server::openConnections, "open connections after the closing handshake");

            JdkMessageCollector vanishing = new JdkMessageCollector();
            WebSocket abrupt = connect(http, server, vanishing);
            abrupt.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
            vanishing.nextMessage(WAIT);
            awaitEquals(idle + 1, server::openConnections, "open connections after the second upgrade");
            abrupt.abort(); // TCP goes away without a close frame
            awaitEquals(idle, server::openConnections, "open connections after the client vanished");
        } finally {
            server.stop();
        }
        // The I/O threads end with the application.
        awaitEquals(ioThreadsBefore, DirectIoTest::ferryIoThreads, "ferry-io threads after the server stopped");
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void withDirectIoOffTheContainersOwnIoCarriesTheBytes(ServerKind kind) throws Exception {
        long ioThreadsBefore = ferryIoThreads();
        EmbeddedServer server = kind.create();
        // As a web.xml context-param would: Ferry's initializer reads its settings from them.
        server.start(0, FerryWebApp.deploying(Set.of(EchoEndpoint.class)).initParameter("dev.ferry.directIo", "false").build());
        try {
            JdkMessageCollector messages = new JdkMessageCollector();
            WebSocket ws = connect(HttpClient.newHttpClient(), server, messages);
            ws.sendText("through the container", true).get(5, TimeUnit.SECONDS);
            assertEquals("through the container", messages.nextMessage(WAIT));
            long idle = settled(server::openConnections) - 1;
            assertEquals(ioThreadsBefore, ferryIoThreads(), "a ferry-io thread started although directIo is off");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            assertEquals(1000, messages.awaitClose(WAIT).code());
            awaitEquals(idle, server::openConnections, "open connections after the closing handshake");
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void connectionsClosedTheMomentTheyOpenLeaveNothingBehindAndHttpStillWorks(ServerKind kind) throws Exception {
        EmbeddedServer server = kind.create();
        server.start(0, FerryWebApp.deploying(Set.of(EchoEndpoint.class)).build());
        try {
            openAndCloseAtOnce(server);
            long idle = settled(server::openConnections);
            for (int i = 0; i < 200; i++) {
                openAndCloseAtOnce(server);
            }
            awaitEquals(idle, server::openConnections, "open connections after 200 open-and-close cycles");
            if (server instanceof TomcatServer tomcat) {
                awaitEquals(0, tomcat::waitingProcessorCount, "upgrade processors Tomcat still tracks");
            }
            // The container reuses what the closed connections held (Tomcat: their socket buffers).
            for (int i = 0; i < 20; i++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write(("GET /plain-" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertTrue(answer.startsWith("HTTP/1.1 404"), "plain HTTP request " + i + " got: " + answer);
                }
            }
        } finally {
            server.stop();
        }
    }

    /** The handshake and a close frame in one write, as a client that gives up at once; reads to the end. */
    private static void openAndCloseAtOnce(EmbeddedServer server) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(("GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // Close 1000, masked with the key 0 (allowed: the key is any 32 bits).
            out.writeBytes(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE8});
            s.getOutputStream().write(out.toByteArray());
            byte[] answer = s.getInputStream().readAllBytes(); // until the server closes
            String text = new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 101"), "answer: " + text);
            assertTrue(text.endsWith("\r\n\r\n\u0088\u0002\u0003\u00e8"), "no close frame 1000 at the end: " + text);
        }
    }

    private static WebSocket connect(HttpClient http, EmbeddedServer server, JdkMessageCollector listener)
            throws Exception {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/echo"), listener)
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * Whether Ferry takes plain-TCP connections over in {@code kind}: in Tomcat and Jetty; in
     * Undertow they take the servlet upgrade (Ferry knows no way into XNIO's channels), so there the
     * same tests check the portable route: the same counts of open connections, no ferry-io thread.
     */
    private static boolean hasDirectIo(ServerKind kind) {
        return kind != ServerKind.UNDERTOW;
    }

    private static long ferryIoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("ferry-io-")).count();
    }

    /** The value once it has not changed for 150 ms. */
    private static long settled(LongSupplier value) throws Exception {
        return Poll.settled(Duration.ofMillis(150), WAIT, "the open connections", value);
    }

    private static void awaitEquals(long expected, LongSupplier actual, String what) throws Exception {
        Poll.untilEquals(WAIT, what, expected, actual);
    }
}
