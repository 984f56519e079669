package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.servlet.FerryServletContainerInitializer;
import dev.ferry.testsupport.JdkMessageCollector;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ferry's own I/O on upgraded plain-TCP connections ({@code dev.ferry.directIo}, on by default),
 * in every container: a Ferry I/O thread carries the bytes, and the container still accounts for
 * the connection, getting it back when it closes, however it closes.
 */
class DirectIoTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void ferrysIoThreadCarriesTheBytesAndTheContainerGetsEachConnectionBack(ServerKind kind) throws Exception {
        long ioThreadsBefore = ferryIoThreads();
        EmbeddedServer server = kind.create();
        server.start(0, Set.of(EchoEndpoint.class));
        try {
            HttpClient http = HttpClient.newHttpClient();
            JdkMessageCollector closing = new JdkMessageCollector();
            WebSocket graceful = connect(http, server, closing);
            graceful.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello", closing.nextMessage(WAIT));
            assertTrue(ferryIoThreads() > ioThreadsBefore, "no ferry-io thread serves the connection");
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
        // Before Ferry's initializer, which reads its settings from the context's parameters.
        server.start(0, List.of(new EmbeddedServer.Initializer(new DirectIoOff(), Set.of()),
                new EmbeddedServer.Initializer(new FerryServletContainerInitializer(), Set.of(EchoEndpoint.class))));
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

    /** Sets {@code dev.ferry.directIo=false} on the application, as a web.xml context-param would. */
    public static final class DirectIoOff implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            context.setInitParameter("dev.ferry.directIo", "false");
        }
    }

    private static WebSocket connect(HttpClient http, EmbeddedServer server, JdkMessageCollector listener)
            throws Exception {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/echo"), listener)
                .get(10, TimeUnit.SECONDS);
    }

    private static long ferryIoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("ferry-io-")).count();
    }

    /** The value once it has not changed for 150 ms. */
    private static long settled(LongSupplier value) throws InterruptedException {
        long last = value.getAsLong();
        int same = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (same < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = value.getAsLong();
            same = now == last ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    private static void awaitEquals(long expected, LongSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (actual.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, actual.getAsLong(), what);
    }
}
