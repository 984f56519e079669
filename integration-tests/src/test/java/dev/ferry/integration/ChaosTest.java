package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.Poll;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Misbehaving clients against Ferry in each container: killed mid-message, never reading while the
 * server floods them, thousands of connections coming and going, errors in the application. Every
 * session that opens must close exactly once, and nothing may be left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosTest {

    /** What the endpoints saw; reset before each test (the three servers share it). */
    static final class Stats {
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final AtomicReference<IOException> floodFailure = new AtomicReference<>();
        final AtomicLong flooded = new AtomicLong();
        final AtomicLong floodMillis = new AtomicLong();

        void reset() {
            opens.set(0);
            closes.set(0);
            closeCodes.clear();
            errors.clear();
            floodFailure.set(null);
            flooded.set(0);
            floodMillis.set(0);
        }

        @Override
        public String toString() {
            return "opens " + opens + ", closes " + closes + ", close codes " + closeCodes;
        }
    }

    /** Counts its lifecycle; on "boom" throws, on "flood-thread"/"flood-inline" sends 1 MiB messages until that fails. */
    public static class Tracked {
        private static final ByteBuffer MEBIBYTE = ByteBuffer.allocate(1 << 20);

        private final Stats stats;

        Tracked(Stats stats) {
            this.stats = stats;
        }

        @OnOpen
        public void open() {
            stats.opens.incrementAndGet();
        }

        @OnMessage
        public String onMessage(Session session, String command) {
            switch (command) {
                case "boom" -> throw new IllegalStateException("boom");
                case "flood-thread" -> {
                    Thread flooder = new Thread(() -> flood(session), "test-flooder");
                    flooder.setDaemon(true);
                    flooder.start();
                    return null;
                }
                case "flood-inline" -> {
                    flood(session);
                    return null;
                }
                default -> {
                    return command;
                }
            }
        }

        private void flood(Session session) {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 100; i++) {
                    session.getBasicRemote().sendBinary(MEBIBYTE.duplicate());
                    stats.flooded.addAndGet(1 << 20);
                }
            } catch (IOException e) {
                stats.floodFailure.set(e);
            } finally {
                stats.floodMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }

        @OnError
        public void error(Throwable t) {
            stats.errors.add(t);
        }

        @OnClose
        public void close(CloseReason reason) {
            stats.closeCodes.add(reason.getCloseCode().getCode());
            stats.closes.incrementAndGet();
        }
    }

    /**
     * Deploys {@link Tracked} at /tracked with a 1.5 s send timeout and a 1 MiB outbound limit,
     * each instance reporting to {@code stats}.
     */
    static final class Deployer implements ServletContainerInitializer {
        private final Stats stats;

        Deployer(Stats stats) {
            this.stats = stats;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Tracked.class, "/tracked")
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return endpointClass.cast(new Tracked(stats));
                        }
                    })
                    .build();
            config.getUserProperties().put("dev.ferry.sendTimeout", 1_500);
            config.getUserProperties().put("dev.ferry.maxOutboundBytes", 1 << 20);
            try {
                container.addEndpoint(config);
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }
    }

    private final Stats stats = new Stats();
    private RunningServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(Set.of(), Initializer.of(new Deployer(stats)));
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    @BeforeEach
    void reset() {
        stats.reset();
    }

    private void await(BooleanSupplier condition, long seconds, String what) throws Exception {
        try {
            Poll.until(Duration.ofSeconds(seconds), what, condition::getAsBoolean);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (" + stats + ")", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aClientKilledMidMessageClosesItsSessionOnce(ServerKind kind) throws Exception {
        RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked");
        // A masked text frame announcing 1000 bytes, of which 10 arrive.
        byte[] head = {(byte) 0x81, (byte) (0x80 | 126), 0x03, (byte) 0xE8, 1, 2, 3, 4};
        client.writeRaw(head);
        client.writeRaw(new byte[10]);
        client.kill();
        await(() -> stats.closes.get() == 1, 10, "the session to close");
        // A second onClose would come right after the first: none may come within 200 ms.
        Poll.holdsFor(Duration.ofMillis(200), "one close only (" + stats + ")", () -> stats.closes.get() == 1);
        assertEquals(1, stats.opens.get());
        assertEquals(1, stats.closes.get());
        assertEquals(List.of(1006), stats.closeCodes);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFloodToAClientThatNeverReadsFailsAtTheSendDeadline(ServerKind kind) throws Exception {
        long idle = Poll.settled(Duration.ofMillis(150), Duration.ofSeconds(5), "the open connections",
                () -> servers.openConnections(kind));
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("flood-thread"));
            await(() -> stats.floodFailure.get() != null, 20, "the flooding send to fail");
            IOException failure = stats.floodFailure.get();
            assertTrue(failure.getMessage().contains("send timeout"), failure.toString());
            assertTrue(stats.flooded.get() < 100L << 20, "all 100 MiB went to a client that reads nothing");
            assertTrue(stats.floodMillis.get() >= 1_400, "failed after " + stats.floodMillis + " ms");
            await(() -> stats.closes.get() == 1, 10, "the session to close after the failed send");
            // The abort lets go of the connection although the client still reads nothing: no
            // thread waits to write what the client never takes (Undertow's own close would).
            Poll.untilEquals(Duration.ofSeconds(10), "open connections after the abort, the client reading nothing",
                    idle, () -> servers.openConnections(kind));
        }
        assertEquals(1, stats.opens.get());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFloodFromTheMessageHandlerWaitsAndFailsAtTheSendDeadline(ServerKind kind) throws Exception {
        // With direct I/O (Tomcat, Jetty) and on Undertow's worker threads the handler's thread may
        // wait for a write, so a blocking send of its own buffer waits like any other thread's,
        // bounded by the deadline, rather than being copied into a queue the peer never drains.
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("flood-inline"));
            await(() -> stats.floodFailure.get() != null, 20, "the flooding send to fail");
            IOException failure = stats.floodFailure.get();
            assertTrue(failure.getMessage().contains("send timeout"), failure.toString());
            assertTrue(stats.floodMillis.get() >= 1_400, "failed after " + stats.floodMillis + " ms");
            assertTrue(stats.flooded.get() <= 16L << 20, "sent " + stats.flooded + " bytes to a client reading nothing");
            await(() -> stats.closes.get() == 1, 10, "the session to close after the failed send");
            client.kill();
        }
        await(() -> stats.closes.get() == 1, 10, "the session to close");
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void anErrorInOnMessageKeepsTheSessionAndItClosesOnce(ServerKind kind) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("boom"));
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("still there?"));
            RawWebSocketClient.Frame echo = client.readFrame();
            assertEquals("still there?", new String(echo.payload(), StandardCharsets.UTF_8));
            assertEquals("boom", stats.errors.get(0).getMessage());
            client.sendFrame(true, RawWebSocketClient.CLOSE, RawWebSocketClient.closePayload(1000, new byte[0]));
            assertEquals(1000, client.readUntilClose().closeCode());
        }
        await(() -> stats.closes.get() == 1, 10, "the session to close");
        // A second onClose would come right after the first: none may come within 100 ms.
        Poll.holdsFor(Duration.ofMillis(100), "one close only (" + stats + ")", () -> stats.closes.get() == 1);
        assertEquals(List.of(1000), stats.closeCodes);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fiveThousandConnectionsComeAndGoLeavingNothingBehind(ServerKind kind) throws Exception {
        int port = servers.port(kind);
        long ferryThreadsBefore = ferryThreads();
        for (int cycle = 0; cycle < 10; cycle++) {
            List<RawWebSocketClient> clients = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                clients.add(RawWebSocketClient.connect(port, "/tracked"));
            }
            int expectedOpens = (cycle + 1) * 500;
            await(() -> stats.opens.get() == expectedOpens, 20, "500 more sessions to open");
            for (int i = 0; i < clients.size(); i++) {
                RawWebSocketClient client = clients.get(i);
                switch (i % 3) {
                    case 0 -> client.sendFrame(true, RawWebSocketClient.CLOSE,
                            RawWebSocketClient.closePayload(1000, new byte[0]));
                    case 1 -> client.kill();
                    default -> client.close();
                }
            }
            await(() -> stats.closes.get() == expectedOpens, 30, "every session of the cycle to close");
            for (RawWebSocketClient client : clients) {
                client.close();
            }
        }
        assertEquals(5_000, stats.opens.get());
        assertEquals(5_000, stats.closes.get());
        // Ferry starts no thread per connection; the containers' worker pools grow and shrink on
        // their own, within their fixed maximum, so all threads together stay far below 5,000.
        assertEquals(ferryThreadsBefore, ferryThreads());
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threads < 1_000, threads + " threads after 5,000 connections");
    }

    private static long ferryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ferry")).count();
    }
}
