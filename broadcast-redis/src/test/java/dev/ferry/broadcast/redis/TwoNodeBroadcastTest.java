package dev.ferry.broadcast.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.Poll;
import dev.ferry.testsupport.RedisServer;
import dev.ferry.testsupport.RequiresPrograms;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes, Ferry in embedded Tomcat and in embedded Jetty, each finding this module through
 * its init parameter {@code dev.ferry.broadcast.redis.uri}, with the JDK's WebSocket clients on
 * both: what a client on one node publishes reaches the subscribers on both, once and in order;
 * with Redis stopped each node still serves its own subscribers, and once Redis is back both
 * nodes deliver each other's messages again, without what was published meanwhile and without
 * doubles.
 */
@RequiresPrograms(ExternalProgram.REDIS_SERVER)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeBroadcastTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private RedisServer redis;
    private EmbeddedServer tomcat;
    private EmbeddedServer jetty;
    private HttpClient http;
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        redis = RedisServer.start();
        tomcat = startNode(ServerKind.TOMCAT, "node-tomcat");
        jetty = startNode(ServerKind.JETTY, "node-jetty");
        http = HttpClient.newHttpClient();
        awaitRelay("node-tomcat", true);
        awaitRelay("node-jetty", true);
    }

    private EmbeddedServer startNode(ServerKind kind, String name) throws Exception {
        EmbeddedServer server = kind.create();
        server.start(0, FerryWebApp.deploying(Set.of(FeedEndpoint.class))
                .initParameter("dev.ferry.broadcast.nodeName", name)
                .initParameter("dev.ferry.broadcast.redis.uri", redis.uri())
                .initParameter("dev.ferry.broadcast.redis.maxReconnectDelay", "200")
                .build());
        return server;
    }

    @AfterAll
    void stop() throws Exception {
        for (WebSocket ws : sockets) {
            ws.abort();
        }
        for (EmbeddedServer s : new EmbeddedServer[] {tomcat, jetty}) {
            if (s != null) {
                s.stop();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** The node's Broadcast MBean (both applications are "/": they are told apart by their node name). */
    private ObjectName broadcastMBean(String node) throws Exception {
        for (ObjectName name : jmx.queryNames(new ObjectName("dev.ferry:type=Broadcast,*"), null)) {
            if (node.equals(jmx.getAttribute(name, "Node"))) {
                return name;
            }
        }
        return null;
    }

    private void awaitRelay(String node, boolean connected) throws Exception {
        Poll.until(TIMEOUT, node + "'s relay connected=" + connected, () -> {
            ObjectName name = broadcastMBean(node);
            return name != null && connected == (Boolean) jmx.getAttribute(name, "RelayConnected");
        });
    }

    private long relayCount(String node, String attribute) throws Exception {
        return (Long) jmx.getAttribute(broadcastMBean(node), attribute);
    }

    private WebSocket join(EmbeddedServer node, String topic, JdkMessageCollector collector) throws Exception {
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/feed/" + topic), collector)
                .get(10, TimeUnit.SECONDS);
        sockets.add(ws);
        return ws;
    }

    /**
     * Sends probes through {@code probe} until one reaches every collector (each is then subscribed on
     * its node, and its node in Redis), taking the probes they got: one publisher's messages arrive in
     * order, so none of the earlier probes can still come after the last.
     */
    private void awaitSubscribedEverywhere(WebSocket probe, JdkMessageCollector... collectors) throws Exception {
        Poll.until(TIMEOUT, "a probe to reach every subscriber", () -> {
            String marker = "probe " + System.nanoTime();
            probe.sendText(marker, true).get(5, TimeUnit.SECONDS);
            boolean everywhere = true;
            for (JdkMessageCollector c : collectors) {
                Object m;
                do {
                    m = c.pollMessage(Duration.ofMillis(500));
                } while (m != null && !marker.equals(m));
                everywhere &= m != null;
            }
            return everywhere;
        });
    }

    @Test
    void aMessageReachesTheSubscribersOnBothNodesOnceAndInOrder() throws Exception {
        JdkMessageCollector onTomcat = new JdkMessageCollector();
        JdkMessageCollector onJetty = new JdkMessageCollector();
        WebSocket fromTomcat = join(tomcat, "news", onTomcat);
        WebSocket fromJetty = join(jetty, "news", onJetty);
        awaitSubscribedEverywhere(fromTomcat, onTomcat, onJetty);
        for (int i = 0; i < 200; i++) {
            fromTomcat.sendText("tomcat " + i, true).get(5, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 200; i++) {
            assertEquals("tomcat " + i, onJetty.nextMessage(TIMEOUT), "through Redis, in order");
            assertEquals("tomcat " + i, onTomcat.nextMessage(TIMEOUT), "on its own node");
        }
        fromJetty.sendText("from jetty", true).get(5, TimeUnit.SECONDS);
        assertEquals("from jetty", onTomcat.nextMessage(TIMEOUT));
        assertEquals("from jetty", onJetty.nextMessage(TIMEOUT));
        Poll.holdsFor(Duration.ofMillis(300), "nothing more arrives", () -> onTomcat.pendingMessages() == 0 && onJetty.pendingMessages() == 0);
    }

    @Test
    void withRedisAwayEachNodeServesItsOwnAndCrossNodeDeliveryResumesWithoutDoubles() throws Exception {
        JdkMessageCollector onTomcat = new JdkMessageCollector();
        JdkMessageCollector onJetty = new JdkMessageCollector();
        WebSocket fromTomcat = join(tomcat, "outage", onTomcat);
        join(jetty, "outage", onJetty);
        awaitSubscribedEverywhere(fromTomcat, onTomcat, onJetty);
        long lostBefore = relayCount("node-tomcat", "RelayLost");

        redis.stop();
        awaitRelay("node-tomcat", false);
        fromTomcat.sendText("while redis is away", true).get(5, TimeUnit.SECONDS);
        assertEquals("while redis is away", onTomcat.nextMessage(TIMEOUT), "local delivery goes on");
        Poll.untilEquals(TIMEOUT, "the lost message counted", lostBefore + 1,
                () -> {
                    try {
                        return relayCount("node-tomcat", "RelayLost");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

        redis.startAgain();
        awaitRelay("node-tomcat", true);
        awaitRelay("node-jetty", true);
        awaitSubscribedEverywhere(fromTomcat, onTomcat, onJetty);
        fromTomcat.sendText("redis is back", true).get(5, TimeUnit.SECONDS);
        assertEquals("redis is back", onJetty.nextMessage(TIMEOUT));
        assertEquals("redis is back", onTomcat.nextMessage(TIMEOUT));
        Poll.holdsFor(Duration.ofMillis(300), "nothing more arrives: not the lost one, no double",
                () -> onTomcat.pendingMessages() == 0 && onJetty.pendingMessages() == 0);
        assertEquals(0, relayCount("node-jetty", "RelayDuplicates"));
        assertTrue(relayCount("node-jetty", "RelayReceived") > 0);
    }
}
