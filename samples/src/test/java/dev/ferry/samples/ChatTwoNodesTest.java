package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.RedisServer;
import dev.ferry.testsupport.RequiresPrograms;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat on two nodes, the demo in embedded Tomcat and in embedded Jetty sharing its rooms
 * through a redis-server of the test's own, with the JDK's WebSocket client: members on either
 * node see each other's messages, joins, leaves and one online count; a node that stops says its
 * members left, and they can go on on the other node. (With browsers and nginx in front:
 * {@code ChatClusterTest} in integration-tests.)
 */
@RequiresPrograms(ExternalProgram.REDIS_SERVER)
class ChatTwoNodesTest {

    private RedisServer redis;
    private EmbeddedServer tomcat;
    private EmbeddedServer jetty;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        tomcat = ServerKind.TOMCAT.create();
        DemoApplication.start(tomcat, 0, List.of(), Set.of(), DemoApplication.clusterSettings("tomcat-node", redis.uri()));
        jetty = ServerKind.JETTY.create();
        DemoApplication.start(jetty, 0, List.of(), Set.of(), DemoApplication.clusterSettings("jetty-node", redis.uri()));
        // Usually connected when the application has started; what is published before is lost.
        RelayStatus.await("tomcat-node");
        RelayStatus.await("jetty-node");
    }

    @AfterEach
    void stop() throws Exception {
        for (EmbeddedServer s : new EmbeddedServer[] {tomcat, jetty}) {
            if (s != null) {
                s.stop();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private String base(EmbeddedServer node) {
        return "ws://127.0.0.1:" + node.port();
    }

    @Test
    void membersOnTwoNodesShareTheRoomAndMoveWhenOneStops() throws Exception {
        try (ChatClient alice = ChatClient.join(http, base(tomcat), "shared", "alice");
                ChatClient bob = ChatClient.join(http, base(jetty), "shared", "bob")) {
            assertEquals("tomcat-node", alice.awaitWelcomeNode());
            assertEquals("jetty-node", bob.awaitWelcomeNode());
            // Bob's node learns of alice when it says hello; alice hears bob join through Redis.
            bob.awaitOnline(2);
            alice.until(e -> "join".equals(e.get("type")) && "bob".equals(e.get("name")), "bob joining");
            alice.awaitOnline(2);

            alice.say("hello from tomcat");
            bob.until(ChatClient.said("alice", "hello from tomcat"), "alice's message on the other node");
            bob.say("hello from jetty");
            alice.until(ChatClient.said("bob", "hello from jetty"), "bob's message on the other node");

            jetty.stop();
            assertTrue(bob.awaitClosed().startsWith("1001"), "the stopping node says it is going away");
            alice.until(e -> "leave".equals(e.get("type")) && "bob".equals(e.get("name")), "bob leaving");
            alice.awaitOnline(1);

            try (ChatClient bobAgain = ChatClient.join(http, base(tomcat), "shared", "bob")) {
                assertEquals("tomcat-node", bobAgain.awaitWelcomeNode());
                bobAgain.until(ChatClient.said("bob", "hello from jetty"), "the room's history, on this node too");
                bobAgain.awaitOnline(2);
                alice.awaitOnline(2);
                bobAgain.say("back, on tomcat");
                alice.until(ChatClient.said("bob", "back, on tomcat"), "bob's message after the move");
            }
        }
    }
}
