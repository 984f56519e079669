package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.Poll;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscribing and publishing on one node: every subscriber gets each message once, encoded once
 * (one array shared by all connections); topics are separate; unsubscribing and closing end a
 * subscription; listeners hear every message after the subscribers have it; objects are encoded
 * with an endpoint's encoders.
 */
class TopicsTest {

    private final TestNode node = new TestNode(TestNode.settings(64, SlowSubscriberPolicy.DROP));

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void everySubscriberGetsTheSameBytesOnceAndPublishSaysHowMany() {
        List<TestNode.Client> clients = IntStream.range(0, 5).mapToObj(i -> node.connect()).toList();
        for (TestNode.Client c : clients) {
            node.topics.subscribe(c.session(), "news");
        }
        TestNode.Client other = node.connect();
        node.topics.subscribe(other.session(), "sport");
        assertEquals(5, node.topics.publish("news", "extra, extra"));
        assertEquals(1, node.topics.publish("news", ByteBuffer.wrap(new byte[] {1, 2, 3})) - 4);
        byte[] shared = clients.get(0).peer().arrays().get(0);
        for (TestNode.Client c : clients) {
            assertEquals(List.of("extra, extra"), c.texts(), "written before publish returned: a small fan-out");
            assertEquals(2, c.peer().frames().size());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(c.peer().frames().get(1).payload()));
            assertSame(shared, c.peer().arrays().get(0), "one frame for all");
        }
        assertEquals(List.of(), other.texts(), "another topic hears nothing");
        assertEquals(5, node.topics.subscriberCount("news"));
        assertEquals(Set.of("news", "sport"), node.topics.topicNames());
        assertEquals(0, node.topics.publish("nobody-listens", "hello?"));
    }

    @Test
    void subscribingTwiceDeliversOnce() {
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "news");
        node.topics.subscribe(c.session(), "news");
        node.topics.publish("news", "once");
        assertEquals(List.of("once"), c.texts());
        assertEquals(1, node.topics.subscriberCount("news"));
    }

    @Test
    void unsubscribingAndClosingEndTheSubscription() throws Exception {
        TestNode.Client stays = node.connect();
        TestNode.Client leaves = node.connect();
        TestNode.Client closes = node.connect();
        for (TestNode.Client c : List.of(stays, leaves, closes)) {
            node.topics.subscribe(c.session(), "news");
            node.topics.subscribe(c.session(), "weather");
        }
        assertTrue(node.topics.unsubscribe(leaves.session(), "news"));
        assertFalse(node.topics.unsubscribe(leaves.session(), "news"));
        closes.session().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
        assertEquals(2, node.topics.publish("weather", "sunny") + node.topics.publish("news", "late") - 1);
        assertEquals(List.of("sunny", "late"), stays.texts());
        assertEquals(List.of("sunny"), leaves.texts());
        assertEquals(List.of(), closes.texts().stream().filter(t -> !t.isEmpty()).toList());
        assertEquals(1, node.topics.subscriberCount("news"));
        node.topics.unsubscribe(stays.session(), "news");
        assertEquals(Set.of("weather"), node.topics.topicNames(), "a topic nobody is on is forgotten");
        assertThrows(IllegalStateException.class, () -> node.topics.subscribe(closes.session(), "news"));
    }

    @Test
    void aLargeFanOutIsWrittenByTheFlushingThreadsAndKeepsEachSubscribersOrder() throws Exception {
        List<TestNode.Client> clients = IntStream.range(0, 300).mapToObj(i -> node.connect()).toList();
        for (TestNode.Client c : clients) {
            node.topics.subscribe(c.session(), "feed");
        }
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add("message " + i);
            assertEquals(300, node.topics.publish("feed", "message " + i));
        }
        for (TestNode.Client c : clients) {
            Poll.until(Duration.ofSeconds(10), "all 20 messages at one subscriber", () -> c.texts().size() == 20);
            assertEquals(sent, c.texts());
        }
    }

    @Test
    void listenersHearEveryMessageAndWhatTheyPublishFollowsItEverywhere() {
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "room");
        List<String> heard = new CopyOnWriteArrayList<>();
        TopicListener listener = message -> {
            heard.add(message.text() + (message.isFromAnotherNode() ? " (remote)" : ""));
            if (message.text().startsWith("join")) {
                node.topics.publishLocally("room", "online: 1");
            }
        };
        node.topics.addListener("room", listener);
        node.topics.publish("room", "join alice");
        node.topics.publish("room", "hello");
        assertEquals(List.of("join alice", "online: 1", "hello"), heard);
        assertEquals(List.of("join alice", "online: 1", "hello"), c.texts());
        assertTrue(node.topics.removeListener("room", listener));
        node.topics.publish("room", "unheard");
        assertEquals(3, heard.size());
    }

    @Test
    void aTopicWithOnlyAListenerStaysOpen() {
        node.topics.addListener("quiet", m -> { });
        assertEquals(Set.of("quiet"), node.topics.topicNames());
    }

    /** An encoder of the test endpoint: writes {@code Integer}s in words. */
    public static final class Words implements Encoder.Text<Integer> {
        @Override
        public String encode(Integer number) {
            return "number " + number;
        }
    }

    @Test
    void objectsAreEncodedOnceWithTheEncodersOfASessionOrAConfiguration() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Endpoint.class, "/feed")
                .encoders(List.of(Words.class)).build();
        try (TestNode withEncoders = new TestNode(TestNode.settings(64, SlowSubscriberPolicy.DROP), false, "/objects",
                config)) {
            TestNode.Client c = withEncoders.connect();
            withEncoders.topics.subscribe(c.session(), "numbers");
            withEncoders.topics.publishObject("numbers", 7, c.session());
            withEncoders.topics.publishObject("numbers", 8, config);
            withEncoders.topics.publishObject("numbers", "a string as it is", config);
            assertEquals(List.of("number 7", "number 8", "a string as it is"), c.texts());
            assertThrows(EncodeException.class, () -> withEncoders.topics.publishObject("numbers", new Object(), config));
        }
    }

    @Test
    void onlyFerrysServerSessionsSubscribeAndNamesAreChecked() {
        TestNode.Client c = node.connect();
        assertThrows(IllegalArgumentException.class, () -> node.topics.subscribe(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> node.topics.subscribe(c.session(), ""));
        assertThrows(IllegalArgumentException.class, () -> node.topics.publish("x".repeat(1025), "long"));
        assertThrows(IllegalArgumentException.class, () -> Topics.of((jakarta.websocket.WebSocketContainer) null));
        assertSame(node.topics, Topics.of(c.session()));
    }

    @Test
    void afterCloseNothingIsPublished() {
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "news");
        node.topics.close();
        assertEquals(0, node.topics.publish("news", "after the end"));
        assertEquals(List.of(), c.texts());
    }
}
