package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
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

    /** Collects whole messages, pongs and the close. */
    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            pongs.add(bytes);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        Object next() throws InterruptedException {
            Object message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + TIMEOUT_SECONDS + " s");
            }
            return message;
        }
    }

    private WebSocket connect(ServerKind kind, String path, Collector collector) throws Exception {
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
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendText(sent, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Object echoed = collector.next();
        assertEquals(String.class, echoed.getClass());
        assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), ((String) echoed).getBytes(StandardCharsets.UTF_8));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("sizesOnEachServer")
    void binaryIsEchoedExactly(ServerKind kind, int size) throws Exception {
        byte[] sent = new byte[size];
        new Random(size).nextBytes(sent);
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendBinary(ByteBuffer.wrap(sent), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Object echoed = collector.next();
        assertEquals(byte[].class, echoed.getClass());
        assertArrayEquals(sent, (byte[]) echoed);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fragmentedTextArrivesAsOneMessage(ServerKind kind) throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendText("Hel", false)
                .thenCompose(w -> w.sendText("lo, wö", false))
                .thenCompose(w -> w.sendText("rld", true))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("Hello, wörld", collector.next());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void pingIsAnsweredWithPongOfTheSamePayload(ServerKind kind) throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/echo", collector);
        byte[] payload = "are you there?".getBytes(StandardCharsets.UTF_8);
        ws.sendPing(ByteBuffer.wrap(payload)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        byte[] pong = collector.pongs.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(payload, pong);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void normalCloseIsAnsweredWith1000(ServerKind kind) throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/echo", collector);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String close = collector.closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("1000", close.split(" ", 2)[0]);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void serverInitiatedCloseCarriesCodeAndReason(ServerKind kind) throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(kind, "/close", collector);
        ws.sendText("4001 going away now", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("4001 going away now", collector.closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
