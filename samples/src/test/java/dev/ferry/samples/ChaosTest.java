package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** What the endpoints saw; reset before each test (the servers share the endpoint classes). */
    static final class Stats {
        static final AtomicInteger OPENS = new AtomicInteger();
        static final AtomicInteger CLOSES = new AtomicInteger();
        static final List<Integer> CLOSE_CODES = new CopyOnWriteArrayList<>();
        static final List<Throwable> ERRORS = new CopyOnWriteArrayList<>();
        static final AtomicReference<IOException> FLOOD_FAILURE = new AtomicReference<>();
        static final AtomicLong FLOODED = new AtomicLong();
        static final AtomicLong FLOOD_MILLIS = new AtomicLong();

        static void reset() {
            OPENS.set(0);
            CLOSES.set(0);
            CLOSE_CODES.clear();
            ERRORS.clear();
            FLOOD_FAILURE.set(null);
            FLOODED.set(0);
            FLOOD_MILLIS.set(0);
        }
    }

    /** Counts its lifecycle; on "boom" throws, on "flood-thread"/"flood-inline" sends 1 MiB messages until that fails. */
    public static class Tracked {
        private static final ByteBuffer MEBIBYTE = ByteBuffer.allocate(1 << 20);

        @OnOpen
        public void open() {
            Stats.OPENS.incrementAndGet();
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

        private static void flood(Session session) {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 100; i++) {
                    session.getBasicRemote().sendBinary(MEBIBYTE.duplicate());
                    Stats.FLOODED.addAndGet(1 << 20);
                }
            } catch (IOException e) {
                Stats.FLOOD_FAILURE.set(e);
            } finally {
                Stats.FLOOD_MILLIS.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }

        @OnError
        public void error(Throwable t) {
            Stats.ERRORS.add(t);
        }

        @OnClose
        public void close(CloseReason reason) {
            Stats.CLOSE_CODES.add(reason.getCloseCode().getCode());
            Stats.CLOSES.incrementAndGet();
        }
    }

    /** Deploys {@link Tracked} at /tracked with a 1.5 s send timeout and a 1 MiB outbound limit. */
    static final class Deployer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Tracked.class, "/tracked").build();
            config.getUserProperties().put("dev.ferry.sendTimeout", 1_500);
            config.getUserProperties().put("dev.ferry.maxOutboundBytes", 1 << 20);
            try {
                container.addEndpoint(config);
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }
    }

    private RunningServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(Set.of(), new EmbeddedServer.Initializer(new Deployer(), Set.of()));
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    @BeforeEach
    void reset() {
        Stats.reset();
    }

    private static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for " + what
                        + " (opens " + Stats.OPENS + ", closes " + Stats.CLOSES + ")");
            }
            Thread.sleep(10);
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
        await(() -> Stats.CLOSES.get() == 1, 10, "the session to close");
        Thread.sleep(200);
        assertEquals(1, Stats.OPENS.get());
        assertEquals(1, Stats.CLOSES.get());
        assertEquals(List.of(1006), Stats.CLOSE_CODES);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFloodToAClientThatNeverReadsFailsAtTheSendDeadline(ServerKind kind) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("flood-thread"));
            await(() -> Stats.FLOOD_FAILURE.get() != null, 20, "the flooding send to fail");
            IOException failure = Stats.FLOOD_FAILURE.get();
            assertTrue(failure.getMessage().contains("send timeout"), failure.toString());
            assertTrue(Stats.FLOODED.get() < 100L << 20, "all 100 MiB went to a client that reads nothing");
            assertTrue(Stats.FLOOD_MILLIS.get() >= 1_400, "failed after " + Stats.FLOOD_MILLIS + " ms");
            await(() -> Stats.CLOSES.get() == 1, 10, "the session to close after the failed send");
        }
        assertEquals(1, Stats.OPENS.get());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFloodFromTheMessageHandlerWaitsAndFailsAtTheSendDeadline(ServerKind kind) throws Exception {
        // With direct I/O (as in every container here) the handler's thread may wait for a write,
        // so a blocking send of its own buffer waits like any other thread's, bounded by the
        // deadline, rather than being copied into a queue the peer never drains.
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("flood-inline"));
            await(() -> Stats.FLOOD_FAILURE.get() != null, 20, "the flooding send to fail");
            IOException failure = Stats.FLOOD_FAILURE.get();
            assertTrue(failure.getMessage().contains("send timeout"), failure.toString());
            assertTrue(Stats.FLOOD_MILLIS.get() >= 1_400, "failed after " + Stats.FLOOD_MILLIS + " ms");
            assertTrue(Stats.FLOODED.get() <= 16L << 20, "sent " + Stats.FLOODED + " bytes to a client reading nothing");
            await(() -> Stats.CLOSES.get() == 1, 10, "the session to close after the failed send");
            client.kill();
        }
        await(() -> Stats.CLOSES.get() == 1, 10, "the session to close");
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void anErrorInOnMessageKeepsTheSessionAndItClosesOnce(ServerKind kind) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/tracked")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("boom"));
            client.sendFrame(true, RawWebSocketClient.TEXT, utf8("still there?"));
            RawWebSocketClient.Frame echo = client.readFrame();
            assertEquals("still there?", new String(echo.payload(), StandardCharsets.UTF_8));
            assertEquals("boom", Stats.ERRORS.get(0).getMessage());
            client.sendFrame(true, RawWebSocketClient.CLOSE, RawWebSocketClient.closePayload(1000, new byte[0]));
            assertEquals(1000, client.readUntilClose().closeCode());
        }
        await(() -> Stats.CLOSES.get() == 1, 10, "the session to close");
        Thread.sleep(100);
        assertEquals(List.of(1000), Stats.CLOSE_CODES);
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
            await(() -> Stats.OPENS.get() == expectedOpens, 20, "500 more sessions to open");
            for (int i = 0; i < clients.size(); i++) {
                RawWebSocketClient client = clients.get(i);
                switch (i % 3) {
                    case 0 -> client.sendFrame(true, RawWebSocketClient.CLOSE,
                            RawWebSocketClient.closePayload(1000, new byte[0]));
                    case 1 -> client.kill();
                    default -> client.close();
                }
            }
            await(() -> Stats.CLOSES.get() == expectedOpens, 30, "every session of the cycle to close");
            for (RawWebSocketClient client : clients) {
                client.close();
            }
        }
        assertEquals(5_000, Stats.OPENS.get());
        assertEquals(5_000, Stats.CLOSES.get());
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
