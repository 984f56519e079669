package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.JdkMessageCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDK's own WebSocket client (one we did not write) against Ferry in each servlet container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdkClientEchoTest {

    private static final long TIMEOUT_SECONDS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private RunningServers servers;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(TestEndpoints.ALL);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    private WebSocket connect(ServerKind kind, String path, JdkMessageCollector collector) throws Exception {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + servers.port(kind) + path), collector)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static Stream<Arguments> sizesOnEachServer() {
        return Stream.of(ServerKind.values()).flatMap(kind ->
                Stream.of(0, 125, 126, 65535, 65536, 1024 * 1024).map(size -> Arguments.of(kind, size)));
    }

    @ParameterizedTest
    @MethodSource("sizesOnEachServer")
    void textIsEchoedExactly(ServerKind kind, int size) throws Exception {
        Random random = new Random(size);
        StringBuilder sb = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            sb.append((char) (' ' + random.nextInt(95))); // printable ASCII: one byte each in UTF-8
        }
        String sent = sb.toString();
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendText(sent, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Object echoed = collector.nextMessage(TIMEOUT);
        assertEquals(String.class, echoed.getClass());
        assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), ((String) echoed).getBytes(StandardCharsets.UTF_8));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("sizesOnEachServer")
    void binaryIsEchoedExactly(ServerKind kind, int size) throws Exception {
        byte[] sent = new byte[size];
        new Random(size).nextBytes(sent);
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendBinary(ByteBuffer.wrap(sent), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Object echoed = collector.nextMessage(TIMEOUT);
        assertEquals(byte[].class, echoed.getClass());
        assertArrayEquals(sent, (byte[]) echoed);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fragmentedTextArrivesAsOneMessage(ServerKind kind) throws Exception {
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendText("Hel", false)
                .thenCompose(w -> w.sendText("lo, wö", false))
                .thenCompose(w -> w.sendText("rld", true))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("Hello, wörld", collector.nextMessage(TIMEOUT));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void pingIsAnsweredWithPongOfTheSamePayload(ServerKind kind) throws Exception {
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/echo", collector);
        byte[] payload = "are you there?".getBytes(StandardCharsets.UTF_8);
        ws.sendPing(ByteBuffer.wrap(payload)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        byte[] pong = collector.nextPong(TIMEOUT);
        assertArrayEquals(payload, pong);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void normalCloseIsAnsweredWith1000(ServerKind kind) throws Exception {
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1000, collector.awaitClose(TIMEOUT).code());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void serverInitiatedCloseCarriesCodeAndReason(ServerKind kind) throws Exception {
        JdkMessageCollector collector = new JdkMessageCollector();
        WebSocket ws = connect(kind, "/close", collector);
        ws.sendText("4001 going away now", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(new JdkMessageCollector.Close(4001, "going away now"), collector.awaitClose(TIMEOUT));
    }
}
