package dev.ferry.integration;

import static dev.ferry.integration.RawWebSocketClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import dev.ferry.metrics.EndpointMetricsMXBean;
import dev.ferry.testsupport.Poll;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The endpoints' MBeans in each servlet container, read through the platform MBean server after
 * real traffic (including protocol violations), and gone once the server stops.
 */
class JmxMetricsTest {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    private static Set<ObjectName> endpointNames() throws Exception {
        return MBEANS.queryNames(new ObjectName("dev.ferry:type=Endpoint,*"), null);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void countsRealTrafficAndProtocolViolationsAndUnregistersAtStop(ServerKind kind) throws Exception {
        Set<ObjectName> before = endpointNames();
        EmbeddedServer server = kind.create();
        server.start(0, FerryWebApp.deploying(TestEndpoints.ALL).build());
        Set<ObjectName> ours = new HashSet<>(endpointNames());
        ours.removeAll(before);
        try {
            assertEquals(TestEndpoints.ALL.size(), ours.size(), "one MBean per deployed endpoint: " + ours);
            ObjectName echo = ours.stream().filter(n -> ObjectName.unquote(n.getKeyProperty("path")).equals("/echo"))
                    .findFirst().orElseThrow();
            assertEquals("/", ObjectName.unquote(echo.getKeyProperty("application")), "the root application");
            EndpointMetricsMXBean metrics = JMX.newMXBeanProxy(MBEANS, echo, EndpointMetricsMXBean.class);

            try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/echo")) {
                client.sendFrame(true, TEXT, utf8("hello"));
                assertEquals("hello", new String(client.readFrame().payload(), StandardCharsets.UTF_8));
                assertEquals(1, metrics.getOpenSessions());
                // Unmasked: the server fails the connection with 1002.
                client.sendFrame(true, 0, TEXT, utf8("naked"), false);
                assertEquals(1002, client.readUntilClose().closeCode());
            }
            try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/echo")) {
                client.sendFrame(true, TEXT, new byte[] {'o', 'k', (byte) 0xC0, (byte) 0x80});
                assertEquals(1007, client.readUntilClose().closeCode());
            }
            Poll.untilEquals(Duration.ofSeconds(5), "sessions closed", 2, metrics::getSessionsClosed);

            assertEquals(2, metrics.getSessionsOpened());
            assertEquals(0, metrics.getOpenSessions());
            assertEquals(1, metrics.getMessagesReceived());
            assertEquals(1, metrics.getMessagesSent());
            assertTrue(metrics.getBytesReceived() >= 11 + 2, "at least the masked hello and a frame header: "
                    + metrics.getBytesReceived());
            // The echo (2 + 5 bytes) and two close frames (2 + 2 + reason each).
            assertTrue(metrics.getBytesSent() >= 7 + 4 + 4, "bytes sent: " + metrics.getBytesSent());
            assertTrue(metrics.getSendQueueHighWaterMark() >= 7, "high-water mark: " + metrics.getSendQueueHighWaterMark());
            assertEquals(Map.of(1002, 1L, 1007, 1L), metrics.getErrorClosesByCode());
            assertEquals(0, metrics.getOnErrorCalls());
        } finally {
            server.stop();
        }
        for (ObjectName name : ours) {
            assertFalse(MBEANS.isRegistered(name), name + " is still registered after the server stopped");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
