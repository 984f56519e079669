package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.session.InMemoryTransport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint instances from a running Weld SE container, through the server container and the
 * in-memory transport: injection, the scopes of what is injected, and {@code @PreDestroy} when
 * the session ends.
 */
class CdiServerEndpointTest {

    /** What happened to the beans, in order; application-scoped, so the test can read it. */
    @ApplicationScoped
    public static class Journal {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final AtomicInteger helperIds = new AtomicInteger();

        void record(String event) {
            events.add(event);
        }

        List<String> events() {
            return List.copyOf(events);
        }

        int nextHelperId() {
            return helperIds.incrementAndGet();
        }
    }

    /** Shared by every session. */
    @ApplicationScoped
    public static class Visits {
        private final AtomicInteger count = new AtomicInteger();

        int next() {
            return count.incrementAndGet();
        }
    }

    /** One per endpoint instance, destroyed with it. */
    @Dependent
    public static class Helper {
        @Inject
        Journal journal;
        private int id;

        @PostConstruct
        void created() {
            id = journal.nextHelperId();
        }

        @PreDestroy
        void destroyed() {
            journal.record("helper " + id + " destroyed");
        }

        String name() {
            return "h" + id;
        }
    }

    @ServerEndpoint("/cdi")
    public static class InjectedEndpoint {
        @Inject
        Visits visits;
        @Inject
        Helper helper;
        @Inject
        Journal journal;

        @PostConstruct
        void created() {
            journal.record("endpoint with " + helper.name() + " constructed");
        }

        @OnMessage
        public String onMessage(String text) {
            return visits.next() + ":" + helper.name() + ":" + text;
        }

        @PreDestroy
        void destroyed() {
            journal.record("endpoint with " + helper.name() + " destroyed");
        }
    }

    /** A programmatic endpoint, injected too. */
    public static class InjectedProgrammatic extends Endpoint {
        @Inject
        Visits visits;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                    session.getAsyncRemote().sendText("programmatic " + visits.next()));
        }
    }

    /** Reports whether its fields were injected. */
    public static class Probe {
        @Inject
        Visits visits;

        @OnMessage
        public String onMessage(String text) {
            return visits == null ? "plain" : "injected";
        }
    }

    private WeldContainer weld;
    private FerryServerContainer container;

    @BeforeEach
    void start() {
        weld = new Weld("ferry-cdi-test").disableDiscovery()
                .addBeanClasses(Journal.class, Visits.class, Helper.class)
                .property("org.jboss.weld.se.shutdownHook", false)
                .initialize();
        container = new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader());
    }

    @AfterEach
    void stop() {
        container.shutdown();
        if (weld != null) {
            weld.shutdown();
        }
    }

    private InMemoryTransport open(String path) {
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(FerryServerContainerTest.request(path, Map.of())));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        return transport;
    }

    private static String exchange(InMemoryTransport transport, String text) {
        feed(transport, Opcode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        List<InMemoryTransport.Frame> frames = transport.frames();
        return frames.get(frames.size() - 1).text();
    }

    private static void closeFromClient(InMemoryTransport transport) {
        feed(transport, Opcode.CLOSE, CloseFrames.encodePayload(1000, "bye"));
        assertEquals(Opcode.CLOSE, transport.frames().get(transport.frames().size() - 1).opcode());
    }

    private static void feed(InMemoryTransport transport, int opcode, ByteBuffer payload) {
        ByteBuffer frame = FrameWriter.encode(true, 0, opcode, payload, true, 0x1234abcd);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        transport.feed(bytes);
    }

    private Journal journal() {
        return weld.select(Journal.class).get();
    }

    @Test
    void sessionsShareApplicationScopedBeansButEachInstanceHasItsOwnDependents() throws Exception {
        container.addEndpoint(InjectedEndpoint.class);
        InMemoryTransport first = open("/cdi");
        InMemoryTransport second = open("/cdi");

        String a = exchange(first, "a");
        String b = exchange(second, "b");

        assertTrue(a.startsWith("1:"), a);
        assertTrue(b.startsWith("2:"), "the second session counts on from the same Visits bean: " + b);
        String helperA = a.split(":")[1];
        String helperB = b.split(":")[1];
        assertNotEquals(helperA, helperB, "each endpoint instance has its own @Dependent helper");
        assertTrue(journal().events().containsAll(List.of("endpoint with h1 constructed",
                "endpoint with h2 constructed")), journal().events().toString());
    }

    @Test
    void preDestroyRunsWhenTheSessionEndsAndDestroysItsDependents() throws Exception {
        container.addEndpoint(InjectedEndpoint.class);
        InMemoryTransport first = open("/cdi");
        InMemoryTransport second = open("/cdi");
        String helperOfFirst = exchange(first, "x").split(":")[1];

        closeFromClient(first);

        List<String> events = journal().events();
        assertTrue(events.contains("endpoint with " + helperOfFirst + " destroyed"), events.toString());
        assertTrue(events.contains("helper " + helperOfFirst.substring(1) + " destroyed"), events.toString());
        assertEquals(2, events.stream().filter(e -> e.contains("destroyed")).count(),
                "the other session's endpoint lives on: " + events);
        assertTrue(exchange(second, "y").startsWith("2:"), "the application-scoped bean survives");
    }

    @Test
    void programmaticEndpointsAreInjectedToo() throws Exception {
        container.addEndpoint(ServerEndpointConfig.Builder.create(InjectedProgrammatic.class, "/programmatic").build());
        InMemoryTransport transport = open("/programmatic");
        assertEquals("programmatic 1", exchange(transport, "go"));
        closeFromClient(transport);
    }

    @Test
    void anApplicationConfiguratorThatMakesItsOwnInstancesWins() throws Exception {
        container.addEndpoint(ServerEndpointConfig.Builder.create(Probe.class, "/own")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new Probe());
                    }
                }).build());
        InMemoryTransport transport = open("/own");
        assertEquals("plain", exchange(transport, "?"));
        closeFromClient(transport);
    }

    @Test
    void anApplicationConfiguratorThatLeavesInstancesToTheDefaultGetsInjectionAndRelease() throws Exception {
        ServerEndpointConfig.Configurator onlyOrigins = new ServerEndpointConfig.Configurator() {
            @Override
            public boolean checkOrigin(String originHeaderValue) {
                return true;
            }
        };
        container.addEndpoint(ServerEndpointConfig.Builder.create(Probe.class, "/default").configurator(onlyOrigins).build());
        InMemoryTransport transport = open("/default");
        assertEquals("injected", exchange(transport, "?"));
        FerryDefaultConfigurator containerDefault =
                assertInstanceOf(FerryDefaultConfigurator.class, onlyOrigins.getContainerDefaultConfigurator());
        assertEquals(0, containerDefault.pendingReleaseCount(), "the session took the release over");
        closeFromClient(transport);
    }

    @Test
    void withoutARunningContainerInstancesAreMadeByReflection() throws Exception {
        weld.shutdown();
        weld = null;
        container.addEndpoint(ServerEndpointConfig.Builder.create(Probe.class, "/noweld").build());
        InMemoryTransport transport = open("/noweld");
        assertEquals("plain", exchange(transport, "?"));
        closeFromClient(transport);
    }

    @Test
    void aSessionThatNeverStartsReleasesItsInstance() throws Exception {
        container.addEndpoint(InjectedEndpoint.class);
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(FerryServerContainerTest.request("/cdi", Map.of())));
        accept.session().abandon(new java.io.IOException("the client went away before the 101"));
        assertTrue(journal().events().contains("endpoint with h1 destroyed"), journal().events().toString());
    }
}
