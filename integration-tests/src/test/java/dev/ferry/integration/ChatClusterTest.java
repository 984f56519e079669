package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.Browser;
import dev.ferry.samples.DemoApplication;
import dev.ferry.samples.RelayStatus;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.Poll;
import dev.ferry.testsupport.RedisServer;
import dev.ferry.testsupport.RequiresPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat on two nodes behind nginx, as a team would run it: the demo in embedded Tomcat and in
 * embedded Jetty sharing its rooms through Redis, {@code samples/nginx/ferry-chat-cluster.conf}
 * in front (an upstream with both), and two headless Chromium pages on different nodes (the test
 * checks which, by the node each page shows). They see each other's messages, joins and one online
 * count; then the node of one page stops: the page reconnects by itself through nginx to the other
 * node and goes on chatting. Runs with the Maven profile {@code cluster} (as {@code .ci/run} does);
 * needs chromium, chromedriver, nginx and redis-server.
 */
@Tag("cluster")
@RequiresPrograms({ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER, ExternalProgram.NGINX,
        ExternalProgram.REDIS_SERVER})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatClusterTest {

    /** samples/nginx/ferry-chat-cluster.conf: the pom passes its path. */
    static final Path SITE = Path.of(System.getProperty("ferry.nginxClusterSite",
            "../samples/nginx/ferry-chat-cluster.conf"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RedisServer redis;
    private final Map<String, EmbeddedServer> nodes = new LinkedHashMap<>();
    private NginxProcess nginx;

    @BeforeAll
    void start() throws Exception {
        redis = RedisServer.start();
        startNode("tomcat-node", ServerKind.TOMCAT);
        startNode("jetty-node", ServerKind.JETTY);
        for (String node : nodes.keySet()) {
            RelayStatus.await(node);
        }
        List<Integer> ports = nodes.values().stream().map(EmbeddedServer::port).toList();
        String site = Files.readString(SITE);
        nginx = NginxProcess.start(port -> NginxProcess.replaceOnce(NginxProcess.replaceOnce(NginxProcess.replaceOnce(
                site, "listen 80;", "listen 127.0.0.1:" + port + ";"),
                "server 127.0.0.1:8081;", "server 127.0.0.1:" + ports.get(0) + ";"),
                "server 127.0.0.1:8082;", "server 127.0.0.1:" + ports.get(1) + ";"));
    }

    private void startNode(String name, ServerKind kind) throws Exception {
        EmbeddedServer server = kind.create();
        nodes.put(name, server);
        DemoApplication.start(server, 0, List.of(), Set.of(), DemoApplication.clusterSettings(name, redis.uri()));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            for (EmbeddedServer s : nodes.values()) {
                s.stop();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    /** The node a page shows it reached (its welcome's), once it shows one. */
    private static String nodeOf(Browser page) throws Exception {
        Poll.until(TIMEOUT, "the page to show its node", () -> !page.text("node").isEmpty());
        return page.text("node");
    }

    @Test
    void twoPagesOnTwoNodesChatAndOneMovesWhenItsNodeStops() throws Exception {
        String page = "http://127.0.0.1:" + nginx.port() + "/?room=cluster";
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            alice.get(page);
            alice.joinAs("Alice");
            String aliceNode = nodeOf(alice);
            bob.get(page);
            bob.joinAs("Bob");
            String bobNode = nodeOf(bob);
            // nginx takes the nodes in turn, page loads included: join again until Bob is on the other one.
            for (int tries = 0; bobNode.equals(aliceNode) && tries < 6; tries++) {
                bob.find("leave").click();
                bob.awaitText("status", "Disconnected (1000: Left).");
                bob.find("join").click();
                bob.awaitText("node", "");
                bobNode = nodeOf(bob);
            }
            assertNotEquals(aliceNode, bobNode, "the pages are on different nodes");
            assertTrue(nodes.containsKey(aliceNode) && nodes.containsKey(bobNode), aliceNode + ", " + bobNode);

            bob.awaitText("online", "2");
            alice.awaitText("online", "2");
            alice.awaitMessage("Bob joined");
            alice.say("Hello from " + aliceNode);
            bob.awaitMessage("Alice: Hello from " + aliceNode);
            bob.say("Hello from " + bobNode);
            alice.awaitMessage("Bob: Hello from " + bobNode);

            nodes.get(bobNode).stop();
            alice.awaitMessage("Bob left");
            // Bob's page sees 1001, waits half a second and connects again: nginx finds the node left.
            Poll.until(TIMEOUT, "Bob's page on " + aliceNode + ", now shows " + bob.text("node"),
                    () -> aliceNode.equals(bob.text("node")));
            bob.awaitText("online", "2");
            alice.awaitText("online", "2");
            bob.say("Back, on " + aliceNode);
            alice.awaitMessage("Bob: Back, on " + aliceNode);
            alice.say("Welcome back");
            bob.awaitMessage("Alice: Welcome back");
            Path shot = Path.of("target", "chat-cluster-bob.png");
            bob.screenshot(shot);
            assertEquals(true, Files.size(shot) > 10_000, "a screenshot of a whole page");
        }
    }
}
