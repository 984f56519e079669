package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.embedded.WebApp;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.integration.RawHttpConnection;
import dev.ferry.testsupport.Poll;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bridge's non-blocking transport in real containers, without the WebSocket engine: a servlet
 * upgrades through {@link UpgradeResponder} to a {@link ByteEchoSession} that echoes raw bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeHandlerInContainerTest {

    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);
    private final BlockingQueue<ByteEchoSession> sessions = new LinkedBlockingQueue<>();

    @BeforeAll
    void startServers() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            EmbeddedServer server = kind.create();
            server.start(0, WebApp.builder().initializer(Initializer.of(new RawUpgradeInitializer())).build());
            servers.put(kind, server);
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        for (EmbeddedServer server : servers.values()) {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void echoesOneMebibyteWhileTheClientWritesAndReadsAtOnce(ServerKind kind) throws Exception {
        byte[] sent = new byte[1024 * 1024];
        new Random(42).nextBytes(sent);
        try (RawHttpConnection c = upgrade(kind, "echo")) {
            ByteEchoSession session = sessions.poll(5, TimeUnit.SECONDS);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = c.socket().getOutputStream();
                    for (int off = 0; off < sent.length; off += 7919) {
                        out.write(sent, off, Math.min(7919, sent.length - off));
                    }
                    c.shutdownOutput();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] received = c.readUntilClosed(15_000);
            assertFailureFree(session);
            writing.get(15, TimeUnit.SECONDS);
            assertEquals(sent.length, received.length,
                    () -> new String(received, 0, Math.min(received.length, 2000), StandardCharsets.ISO_8859_1));
            assertArrayEquals(sent, received);
            assertClosedOnce(session);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void closeWritesWhatIsQueuedFirstThenClosesTheConnection(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "hello-close")) {
            ByteEchoSession session = sessions.poll(5, TimeUnit.SECONDS);
            assertEquals("hello", new String(c.readUntilClosed(5_000), StandardCharsets.US_ASCII));
            assertClosedOnce(session);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void pausedReadingHoldsDataBackUntilAnotherThreadResumes(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "pause")) {
            ByteEchoSession session = sessions.poll(5, TimeUnit.SECONDS);
            c.write("a".getBytes(StandardCharsets.US_ASCII));
            assertEquals('a', c.read());
            // Reading is paused once 'a' was delivered: 'b' must wait in the socket until resumed.
            c.write("b".getBytes(StandardCharsets.US_ASCII));
            assertTrue(c.nothingArrivesWithin(Duration.ofMillis(300)), "an echo came back while reading was paused");
            session.resume();
            assertEquals('b', c.read());
            assertEquals(0, session.chunksWhilePaused.get(), "data delivered while reading was paused");
            c.write("cd".getBytes(StandardCharsets.US_ASCII));
            assertEquals("cd", new String(c.readExactly(2), StandardCharsets.US_ASCII));
            c.shutdownOutput();
            assertEquals(0, c.readUntilClosed(5_000).length);
            assertClosedOnce(session);
        }
    }

    private RawHttpConnection upgrade(ServerKind kind, String mode) throws IOException {
        int port = servers.get(kind).port();
        RawHttpConnection c = RawHttpConnection.open(port);
        c.sendRequest("GET", "/raw/" + mode, port, "Upgrade: ferry-test", "Connection: Upgrade");
        RawHttpConnection.Head head = c.readHead();
        assertEquals(101, head.status(), head.statusLine());
        return c;
    }

    private static void assertClosedOnce(ByteEchoSession session) throws Exception {
        assertTrue(session.closed.await(5, TimeUnit.SECONDS), "onClosed was not called");
        // A second onClosed would come right after the first: none may come within 50 ms.
        Poll.holdsFor(Duration.ofMillis(50), "one onClosed call only", () -> session.closedCalls.get() == 1);
        assertEquals(1, session.closedCalls.get(), "onClosed calls");
        assertEquals(0, session.overlappingCalls.get(), "listener calls that overlapped");
        assertFailureFree(session);
    }

    private static void assertFailureFree(ByteEchoSession session) {
        Throwable failure = session.failure.get();
        if (failure != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(trace));
            throw new AssertionError("The session failed: " + trace);
        }
    }

    /** Maps the servlet that upgrades {@code /raw/<mode>} to a {@link ByteEchoSession}. */
    private final class RawUpgradeInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            // No Ferry container: Jetty's end-point route, and the servlet upgrade elsewhere.
            ContainerRoutes routes = ContainerRoutes.detect(context, null);
            context.addServlet("raw-upgrade", new RawUpgradeServlet(routes)).addMapping("/raw/*");
        }
    }

    private final class RawUpgradeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ContainerRoutes routes;

        RawUpgradeServlet(ContainerRoutes routes) {
            this.routes = routes;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ByteEchoSession session = new ByteEchoSession(request.getPathInfo().substring(1));
            sessions.add(session);
            UpgradeResponder.respond(new UpgradeDecision.Accept(
                    Map.of("Upgrade", List.of("ferry-test"), "Connection", List.of("Upgrade")), session),
                    request, response, routes);
        }
    }
}
