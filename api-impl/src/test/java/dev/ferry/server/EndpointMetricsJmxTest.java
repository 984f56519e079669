package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.metrics.EndpointMetricsMXBean;
import dev.ferry.session.InMemoryTransport;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-endpoint MBeans, read through the platform MBean server after traffic in memory. */
class EndpointMetricsJmxTest {

    @ServerEndpoint("/chat/{room}")
    public static class ChatEndpoint {
        @OnMessage
        public String onMessage(String text, @PathParam("room") String room) {
            if (text.equals("boom")) {
                throw new IllegalStateException("the application failed");
            }
            return room + ":" + text;
        }
    }

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    /** A name no other test uses, so that the MBeans found are this test's. */
    private final String application = "/metrics-test-" + System.nanoTime();
    private final FerryServerContainer container =
            new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader(), application);

    @AfterEach
    void shutdown() {
        container.shutdown();
    }

    private InMemoryTransport open(FerryServerContainer target, String path) {
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                target.decide(FerryServerContainerTest.request(path, Map.of())));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        return transport;
    }

    /** Feeds one client frame; returns its size on the wire. */
    private static int feed(InMemoryTransport transport, int opcode, byte[] payload, boolean masked) {
        ByteBuffer frame = FrameWriter.encode(true, 0, opcode, ByteBuffer.wrap(payload), masked, 0x5eed1234);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        transport.feed(bytes);
        return bytes.length;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Size on the wire of a frame the server sent (unmasked, payload under 126 bytes). */
    private static long wireSize(InMemoryTransport.Frame frame) {
        return 2 + frame.payload().length;
    }

    private Set<ObjectName> endpointNames() throws Exception {
        return MBEANS.queryNames(new ObjectName("dev.ferry:type=Endpoint,application="
                + ObjectName.quote(application) + ",*"), null);
    }

    @Test
    void countsTrafficErrorsAndSessionsUnderThePathTemplate() throws Exception {
        container.addEndpoint(ChatEndpoint.class);
        ObjectName name = new ObjectName("dev.ferry:type=Endpoint,application=" + ObjectName.quote(application)
                + ",container=1,path=" + ObjectName.quote("/chat/{room}"));
        assertTrue(MBEANS.isRegistered(name), "registered at deployment: " + endpointNames());

        InMemoryTransport lobby = open(container, "/chat/lobby");
        InMemoryTransport kitchen = open(container, "/chat/kitchen");
        long in = feed(lobby, Opcode.TEXT, utf8("hello"), true);
        in += feed(kitchen, Opcode.TEXT, utf8("hi"), true);
        in += feed(kitchen, Opcode.TEXT, utf8("boom"), true);
        // An unmasked client frame: a protocol violation, closed by the server with 1002.
        in += feed(lobby, Opcode.TEXT, utf8("naked"), false);

        assertEquals(1002, lobby.frames().get(lobby.frames().size() - 1).closeCode());
        assertEquals(2L, MBEANS.getAttribute(name, "SessionsOpened"));
        assertEquals(1L, MBEANS.getAttribute(name, "SessionsClosed"));
        assertEquals(1L, MBEANS.getAttribute(name, "OpenSessions"));
        assertEquals(3L, MBEANS.getAttribute(name, "MessagesReceived"), "the unmasked frame is no message");
        assertEquals(2L, MBEANS.getAttribute(name, "MessagesSent"));
        assertEquals(in, MBEANS.getAttribute(name, "BytesReceived"));
        long out = 0;
        long largest = 0;
        for (InMemoryTransport.Frame frame : concat(lobby.frames(), kitchen.frames())) {
            out += wireSize(frame);
            largest = Math.max(largest, wireSize(frame));
        }
        assertEquals(out, MBEANS.getAttribute(name, "BytesSent"), "answers and the close frame");
        assertEquals(largest, MBEANS.getAttribute(name, "SendQueueHighWaterMark"));
        assertEquals(1L, MBEANS.getAttribute(name, "OnErrorCalls"));
        assertEquals("/chat/{room}", MBEANS.getAttribute(name, "Path"));

        TabularData byCode = (TabularData) MBEANS.getAttribute(name, "ErrorClosesByCode");
        assertEquals(1, byCode.size());
        CompositeData row = byCode.get(new Object[] {1002});
        assertEquals(1L, row.get("value"));
        EndpointMetricsMXBean proxy = JMX.newMXBeanProxy(MBEANS, name, EndpointMetricsMXBean.class);
        assertEquals(Map.of(1002, 1L), proxy.getErrorClosesByCode());

        // A normal close by the client is no error.
        feed(kitchen, Opcode.CLOSE, bytes(CloseFrames.encodePayload(1000, "")), true);
        assertEquals(Map.of(1002, 1L), proxy.getErrorClosesByCode());
        assertEquals(0L, proxy.getOpenSessions());
    }

    @Test
    void unregisteredAtShutdown() throws Exception {
        container.addEndpoint(ChatEndpoint.class);
        assertEquals(1, endpointNames().size());
        ObjectName containerName = new ObjectName("dev.ferry:type=Container,application="
                + ObjectName.quote(application) + ",container=1");
        assertEquals(List.of("/chat/{room}"), List.of((String[]) MBEANS.getAttribute(containerName, "EndpointPaths")));

        container.shutdown();

        assertTrue(endpointNames().isEmpty(), endpointNames().toString());
        assertFalse(MBEANS.isRegistered(containerName));
    }

    @ServerEndpoint("/broken")
    public static class BrokenEndpoint {
        @OnMessage
        public void onMessage(String a, String b) {
        }
    }

    @Test
    void aDeploymentErrorTakesTheEarlierEndpointsOutOfJmxToo() throws Exception {
        container.addEndpoint(ChatEndpoint.class);
        assertEquals(1, endpointNames().size());
        assertThrows(DeploymentException.class, () -> container.addEndpoint(BrokenEndpoint.class));
        assertTrue(endpointNames().isEmpty(), "the halted application's endpoints left service: " + endpointNames());
    }

    @Test
    void twoContainersOfTheSameApplicationDeployTheSamePathSideBySide() throws Exception {
        FerryServerContainer second =
                new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader(), application);
        try {
            container.addEndpoint(ChatEndpoint.class);
            second.addEndpoint(ChatEndpoint.class);
            Set<ObjectName> names = endpointNames();
            assertEquals(2, names.size(), names.toString());
            List<String> numbers = names.stream().map(n -> n.getKeyProperty("container")).sorted().toList();
            assertEquals(List.of("1", "2"), numbers);

            feed(open(second, "/chat/x"), Opcode.TEXT, utf8("only the second"), true);
            for (ObjectName n : names) {
                long expected = n.getKeyProperty("container").equals("2") ? 1 : 0;
                assertEquals(expected, MBEANS.getAttribute(n, "MessagesReceived"), n.toString());
            }
        } finally {
            second.shutdown();
        }
        assertEquals(1, endpointNames().size(), "the first container's endpoint stays");
    }

    @Test
    void registrationCanBeSwitchedOff() throws Exception {
        FerryServerContainer quiet = new FerryServerContainer(
                FerrySettings.from(Map.of("dev.ferry.jmx", "false")::get), getClass().getClassLoader(), application);
        try {
            quiet.addEndpoint(ChatEndpoint.class);
            assertTrue(endpointNames().isEmpty());
            assertEquals("lobby:still served", roundTrip(quiet));
        } finally {
            quiet.shutdown();
        }
    }

    private String roundTrip(FerryServerContainer target) {
        InMemoryTransport transport = open(target, "/chat/lobby");
        feed(transport, Opcode.TEXT, utf8("still served"), true);
        return transport.frames().get(transport.frames().size() - 1).text();
    }

    @Test
    void pathsWithCharactersSpecialToObjectNamesAreQuoted() throws Exception {
        String path = "/odd/{room}/a,b=c:*\"quoted\"";
        container.addEndpoint(jakarta.websocket.server.ServerEndpointConfig.Builder.create(ChatEndpoint.class, path)
                .build());
        ObjectName name = endpointNames().iterator().next();
        assertEquals(path, ObjectName.unquote(name.getKeyProperty("path")));
        assertFalse(name.isPattern());
        assertEquals(path, MBEANS.getAttribute(name, "Path"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    private static List<InMemoryTransport.Frame> concat(List<InMemoryTransport.Frame> a, List<InMemoryTransport.Frame> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
