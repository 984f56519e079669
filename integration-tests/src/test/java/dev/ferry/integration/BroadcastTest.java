package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.Poll;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Topics in every embedded container, with the JDK's WebSocket client as the peers: a message
 * reaches every subscriber once and in order; a client that stops reading is dropped or closed as
 * its policy says while the others get everything; a closed client's subscription ends, and the
 * counters in JMX say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            EmbeddedServer server = kind.create();
            server.start(0, FerryWebApp.deploying(Set.of(TopicEndpoint.class))
                    .initParameter("dev.ferry.broadcast.maxQueuedMessages", "32")
                    .initParameter("dev.ferry.broadcast.nodeName", "node-" + kind.cliName())
                    .build());
            servers.put(kind, server);
        }
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        for (EmbeddedServer server : servers.values()) {
            server.stop();
        }
    }

    private WebSocket connect(ServerKind kind, String topic, WebSocket.Listener listener) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + servers.get(kind).port() + "/topics/" + topic);
        return http.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
    }

    /** The Topic MBean of {@code topic} (topic names are unique per test and container). */
    private ObjectName topicMBean(String topic) throws Exception {
        Set<ObjectName> names = jmx.queryNames(new ObjectName("dev.ferry:type=Topic,topic=" + ObjectName.quote(topic)
                + ",*"), null);
        return names.isEmpty() ? null : names.iterator().next();
    }

    private long count(String topic, String attribute) throws Exception {
        ObjectName name = topicMBean(topic);
        return name == null ? -1 : ((Number) jmx.getAttribute(name, attribute)).longValue();
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void everySubscriberGetsEveryMessageOnceInOrder(ServerKind kind) throws Exception {
        String topic = "all-" + kind.cliName();
        List<JdkMessageCollector> collectors = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            JdkMessageCollector c = new JdkMessageCollector();
            collectors.add(c);
            sockets.add(connect(kind, topic, c));
        }
        Poll.untilEquals(TIMEOUT, "subscribers", 40, () -> {
            try {
                return count(topic, "Subscribers");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 25; i++) {
            sockets.get(0).sendText("message " + i, true).get(10, TimeUnit.SECONDS);
        }
        for (JdkMessageCollector c : collectors) {
            for (int i = 0; i < 25; i++) {
                assertEquals("message " + i, c.nextMessage(TIMEOUT));
            }
        }
        assertEquals(25, count(topic, "Published"));
        Poll.untilEquals(TIMEOUT, "delivered", 25 * 40, () -> {
            try {
                return count(topic, "Delivered");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (WebSocket ws : sockets) {
            ws.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        }
        Poll.until(TIMEOUT, "the topic gone with its last subscriber", () -> topicMBean(topic) == null);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aClientThatStopsReadingIsClosedWhileTheOthersGetEverything(ServerKind kind) throws Exception {
        String topic = "stuck-" + kind.cliName();
        JdkMessageCollector reader = new JdkMessageCollector();
        WebSocket readerSocket = connect(kind, topic, reader);
        // Never asks for a message: the JDK client stops reading its socket, as a frozen browser tab would.
        WebSocket.Listener frozen = new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
            }
        };
        connect(kind, topic + "?policy=close-1008", frozen);
        Poll.untilEquals(TIMEOUT, "subscribers", 2, () -> {
            try {
                return count(topic, "Subscribers");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Rounds of 20 messages of 32 KiB, each once the reader has the last: the reader never has more
        // than 20 waiting (the limit is 32), while the frozen client's socket buffers fill, then its queue.
        int rounds = 0;
        while (count(topic, "Subscribers") == 2) {
            assertTrue(++rounds <= 100, "the frozen client is still subscribed after 2,000 messages");
            readerSocket.sendText("burst 20 32768", true).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                String text = (String) reader.nextMessage(TIMEOUT);
                assertTrue(text.startsWith(i + " "), "message " + i + " of round " + rounds + " in order");
            }
        }
        long published = rounds * 20L;
        assertEquals(published, count(topic, "Published"));
        assertTrue(count(topic, "Dropped") > 0, "the frozen client's queue was full at least once");
        // Every message offered to the two is accounted for once: written, or dropped (refused by the
        // full queue, offered while the frozen client was closing, or queued and failed by its close,
        // which comes once dev.ferry.closeTimeout has passed without its answer). The frozen client
        // was still subscribed when the last round began, so it was offered every message before it.
        long offeredAtLeast = published + (rounds - 1) * 20L;
        Poll.until(TIMEOUT, "delivered + dropped to reach " + offeredAtLeast, () ->
                count(topic, "Delivered") + count(topic, "Dropped") >= offeredAtLeast);
        long accounted = count(topic, "Delivered") + count(topic, "Dropped");
        assertTrue(accounted <= 2 * published, "each message counted once per subscriber at most: " + accounted);
        assertTrue(count(topic, "Delivered") >= published, "the reader got every message: " + count(topic, "Delivered"));
        readerSocket.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
    }
}
