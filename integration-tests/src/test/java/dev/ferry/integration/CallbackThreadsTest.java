package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.Poll;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which threads run endpoint code, in every container: never one that other connections depend on
 * (Undertow calls the upgraded streams' listeners on its few XNIO I/O threads, so there Ferry moves
 * the callbacks to Undertow's worker pool), and always with the web application's class loader as
 * context class loader, as the request thread of the handshake had it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackThreadsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What the endpoints share with the test: one per server, handed to each endpoint instance. */
    static final class Shared {
        /** Released by the test; "wait" messages wait for it (at most {@link #WAIT}). */
        volatile CountDownLatch release = new CountDownLatch(1);
        /** Bytes the flooder got handed to the transport. */
        final AtomicLong flooded = new AtomicLong();
    }

    /** Commands: "where" (answers how it runs), "wait" (blocks until released), "flood" (sends until it fails). */
    public static class Probe {
        private final Shared shared;

        Probe(Shared shared) {
            this.shared = shared;
        }

        @OnMessage
        public String onMessage(Session session, String command) throws InterruptedException {
            switch (command) {
                case "where" -> {
                    Thread t = Thread.currentThread();
                    Object handshakeLoader = session.getUserProperties().get("handshakeLoader");
                    boolean application = t.getContextClassLoader() == handshakeLoader;
                    return (application ? "application" : "other") + " class loader on " + t.getName()
                            + (application ? "" : " (" + t.getContextClassLoader() + "; the handshake's: " + handshakeLoader + ")");
                }
                case "wait" -> {
                    // Waits as an endpoint waiting for a database would: its own thread only.
                    return shared.release.await(WAIT.toSeconds(), TimeUnit.SECONDS) ? "released" : "not released";
                }
                case "flood" -> {
                    Thread flooder = new Thread(() -> flood(session), "test-flooder");
                    flooder.setDaemon(true);
                    flooder.start();
                    return null;
                }
                default -> {
                    return command;
                }
            }
        }

        private void flood(Session session) {
            ByteBuffer mebibyte = ByteBuffer.allocate(1 << 20);
            try {
                for (int i = 0; i < 64; i++) {
                    session.getBasicRemote().sendBinary(mebibyte.duplicate());
                    shared.flooded.addAndGet(1 << 20);
                }
            } catch (IOException e) {
                // The client went away, as the test wants.
            }
        }
    }

    /** Keeps the handshake's context class loader (a request thread's, bound to the application). */
    public static class HandshakeLoader extends ServerEndpointConfig.Configurator {
        private final Shared shared;

        HandshakeLoader(Shared shared) {
            this.shared = shared;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put("handshakeLoader", Thread.currentThread().getContextClassLoader());
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new Probe(shared));
        }
    }

    static final class Deployer implements ServletContainerInitializer {
        private final Shared shared;

        Deployer(Shared shared) {
            this.shared = shared;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Probe.class, "/probe")
                        .configurator(new HandshakeLoader(shared)).build());
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }
    }

    private final Shared shared = new Shared();
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(Set.of(), Initializer.of(new Deployer(shared)));
    }

    @AfterAll
    void stop() throws Exception {
        shared.release.countDown();
        servers.close();
    }

    private WebSocket connect(ServerKind kind, JdkMessageCollector messages) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + servers.port(kind) + "/probe"), messages)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void endpointCodeRunsWithTheApplicationsClassLoader(ServerKind kind) throws Exception {
        JdkMessageCollector messages = new JdkMessageCollector();
        WebSocket ws = connect(kind, messages);
        try {
            for (int i = 0; i < 20; i++) { // past the point where direct I/O may deliver inline
                ws.sendText("where", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                String answer = (String) messages.nextMessage(WAIT);
                assertTrue(answer.startsWith("application class loader on "), "message " + i + ": " + answer);
            }
        } finally {
            ws.abort();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void anEndpointThatWaitsHoldsUpNoOtherConnection(ServerKind kind) throws Exception {
        shared.release = new CountDownLatch(1);
        JdkMessageCollector waiting = new JdkMessageCollector();
        WebSocket waiter = connect(kind, waiting);
        List<WebSocket> others = new ArrayList<>();
        try {
            waiter.sendText("wait", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // Undertow has two I/O threads here; on the one that ran "wait" inline, every other
            // connection of it (and each new one it is given) would now stand still.
            for (int i = 0; i < 6; i++) {
                JdkMessageCollector messages = new JdkMessageCollector();
                WebSocket other = connect(kind, messages);
                others.add(other);
                other.sendText("hello " + i, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals("hello " + i, messages.nextMessage(Duration.ofSeconds(3)),
                        "connection " + i + " while another connection's endpoint waits");
            }
            shared.release.countDown();
            assertEquals("released", waiting.nextMessage(WAIT));
        } finally {
            shared.release.countDown();
            waiter.abort();
            others.forEach(WebSocket::abort);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aClientGoneWhileTheServerStillHasBytesForItLeavesNoThreadBusy(ServerKind kind) throws Exception {
        shared.flooded.set(0);
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/probe")) {
            client.sendFrame(true, RawWebSocketClient.TEXT, "flood".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // The client reads nothing: the flood stops once the buffers on the way are full.
            Poll.settled(Duration.ofMillis(300), WAIT, "the bytes flooded", shared.flooded::get);
            client.kill(); // a reset: Undertow's stream still holds the rest of its last write
        }
        // Undertow's I/O thread would retry that write forever at full speed (Ferry ends its loop).
        long busy = cpuMillisOfServerThreadsWithin(Duration.ofSeconds(1));
        assertTrue(busy < 500, "server threads were busy for " + busy + " ms of CPU within the second after the client left");
    }

    /** The CPU time that the JVM's threads used within {@code window}, this one's excepted. */
    private static long cpuMillisOfServerThreadsWithin(Duration window) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long before = totalCpu(threads, self);
        Thread.sleep(window.toMillis()); // the measurement window itself, not a wait for a condition
        return TimeUnit.NANOSECONDS.toMillis(totalCpu(threads, self) - before);
    }

    private static long totalCpu(ThreadMXBean threads, long except) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            if (id != except) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return sum;
    }
}
