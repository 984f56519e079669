package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.metrics.EndpointMetrics;
import dev.ferry.metrics.EndpointMetricsListener;
import dev.ferry.session.InMemoryTransport;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What monitoring systems besides JMX hear of a container's counters, and how sessions of
 * {@code upgradeHttpToWebSocket} are counted when the request names a group (as Spring's
 * handshakes do through the starter).
 */
class EndpointMetricsListenerTest {

    @ServerEndpoint("/deployed")
    public static class DeployedEcho {
        @OnMessage
        public String onMessage(String text) {
            return text;
        }
    }

    /** What a framework upgrades to: an Endpoint instance per connection, as Spring's adapter is. */
    public static class FrameworkEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                    session.getAsyncRemote().sendText("framework:" + text));
        }
    }

    /** One framework endpoint per connection, configured with the request's URL as Spring does. */
    public static class PerConnection extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new FrameworkEndpoint());
        }
    }

    private static final class Recorder implements EndpointMetricsListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<EndpointMetrics> added = new CopyOnWriteArrayList<>();

        @Override
        public void added(EndpointMetrics metrics) {
            events.add("+" + metrics.getPath());
            added.add(metrics);
        }

        @Override
        public void removed(EndpointMetrics metrics) {
            events.add("-" + metrics.getPath());
        }
    }

    private final String application = "/listener-test-" + System.nanoTime();
    private final FerryServerContainer container =
            new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader(), application);

    @AfterEach
    void shutdown() {
        container.shutdown();
    }

    @Test
    void aListenerHearsOfEndpointsDeployedBeforeAndAfterItAndOfTheirEnd() throws Exception {
        Recorder early = new Recorder();
        container.addMetricsListener(early);
        container.addEndpoint(DeployedEcho.class);
        Recorder late = new Recorder();
        container.addMetricsListener(late);

        assertEquals(List.of("+/deployed"), early.events);
        assertEquals(List.of("+/deployed"), late.events);
        assertSame(early.added.get(0), late.added.get(0));
        assertEquals(application, container.applicationName());

        container.shutdown();
        assertEquals(List.of("+/deployed", "-/deployed"), late.events);
    }

    @Test
    void programmaticUpgradesNamingAGroupAreCountedTogetherUnderIt() throws Exception {
        Recorder recorder = new Recorder();
        container.addMetricsListener(recorder);

        // Two SockJS-like URLs, one group: the handler's pattern.
        InMemoryTransport first = upgrade("/stomp/1/a/websocket", "/stomp/**");
        InMemoryTransport second = upgrade("/stomp/2/b/websocket", "/stomp/**");
        feedText(first, "one");
        feedText(second, "two");

        assertEquals(List.of("+/stomp/**"), recorder.events, "one group, published on first use");
        EndpointMetrics group = recorder.added.get(0);
        assertEquals(2, group.getSessionsOpened());
        assertEquals(2, group.getOpenSessions());
        assertEquals(2, group.getMessagesReceived());
        assertEquals(2, group.getMessagesSent());
        assertTrue(group.getBytesReceived() > 0 && group.getBytesSent() > 0);
        ObjectName name = new ObjectName("dev.ferry:type=Endpoint,application=" + ObjectName.quote(application)
                + ",container=1,path=" + ObjectName.quote("/stomp/**"));
        assertEquals(2L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "MessagesReceived"));
    }

    @Test
    void programmaticUpgradesWithoutAGroupAreNotCounted() throws Exception {
        Recorder recorder = new Recorder();
        container.addMetricsListener(recorder);
        feedText(upgrade("/plain", null), "x");
        assertTrue(recorder.events.isEmpty(), recorder.events.toString());
    }

    private InMemoryTransport upgrade(String url, String group) throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(FrameworkEndpoint.class, url)
                .configurator(new PerConnection()).build();
        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(FerryServerContainerTest.request(url, Map.of()), config, Map.of(), group));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        return transport;
    }

    private static void feedText(InMemoryTransport transport, String text) {
        ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.TEXT,
                ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, 0x0badf00d);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        transport.feed(bytes);
    }
}
