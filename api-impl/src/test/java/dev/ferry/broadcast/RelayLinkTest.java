package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.Poll;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a relay sees of a node, and what a node does with what a relay brings: it listens exactly
 * while the node has a subscriber or listener of a topic, gets each local publication once (and
 * none published locally only), and the messages of other nodes reach local subscribers and
 * listeners without going back to the relay.
 */
class RelayLinkTest {

    /** Records what the node asks of it. */
    static final class RecordingRelay implements BroadcastRelay {
        final List<String> calls = new CopyOnWriteArrayList<>();
        RelayContext context;
        boolean closed;

        @Override
        public void publish(String topic, boolean text, ByteBuffer payload) {
            calls.add("publish " + topic + " " + (text ? StandardCharsets.UTF_8.decode(payload) : payload.remaining()
                    + " bytes"));
        }

        @Override
        public void listen(String topic) {
            calls.add("listen " + topic);
        }

        @Override
        public void stopListening(String topic) {
            calls.add("stop " + topic);
        }

        @Override
        public RelayStatus status() {
            return new RelayStatus("test://relay", true, 1, 2, 3, 4);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final TestNode node = new TestNode(TestNode.settings(64, SlowSubscriberPolicy.DROP));
    private final RecordingRelay relay = new RecordingRelay();

    @AfterEach
    void close() {
        node.close();
    }

    private void startRelay() {
        assertTrue(node.topics.startRelay(context -> {
            relay.context = context;
            return "yes".equals(context.setting("relay.enabled")) ? relay : null;
        }, Map.of("relay.enabled", "yes")::get));
    }

    @Test
    void itListensWhileTheNodeHasASubscriberOrListenerAndGetsEachPublicationOnce() {
        TestNode.Client early = node.connect();
        node.topics.subscribe(early.session(), "early");
        startRelay();
        assertEquals(List.of("listen early"), relay.calls, "a topic open before the relay started");
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "room");
        node.topics.publish("room", "hi");
        node.topics.publishLocally("room", "this node only");
        node.topics.publish("elsewhere", ByteBuffer.allocate(3));
        TopicListener listener = m -> { };
        node.topics.addListener("log", listener);
        node.topics.unsubscribe(c.session(), "room");
        node.topics.removeListener("log", listener);
        assertEquals(List.of("listen early", "listen room", "publish room hi", "publish elsewhere 3 bytes",
                "listen log", "stop room", "stop log"), relay.calls);
        assertEquals(List.of("hi", "this node only"), c.texts());
        assertEquals("test-node", relay.context.nodeName());
        assertEquals(Set.of("early"), relay.context.listenedTopics());
        assertEquals(new RelayStatus("test://relay", true, 1, 2, 3, 4), node.topics.relayStatus());
    }

    @Test
    void messagesOfOtherNodesReachSubscribersAndListenersAndAreNotRelayedAgain() {
        startRelay();
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "room");
        List<String> heard = new CopyOnWriteArrayList<>();
        node.topics.addListener("room", m -> heard.add(m.text() + (m.isFromAnotherNode() ? " (remote)" : "")));
        relay.calls.clear();
        relay.context.deliver("room", true, StandardCharsets.UTF_8.encode("from node B"));
        relay.context.deliver("room", false, ByteBuffer.wrap(new byte[] {1, 2}));
        relay.context.deliver("nobody-here", true, StandardCharsets.UTF_8.encode("lost in the void"));
        relay.context.deliver("room", true, ByteBuffer.wrap(new byte[] {(byte) 0xC3, (byte) 0x28})); // not UTF-8
        assertEquals(List.of(), relay.calls, "nothing goes back to the relay");
        assertEquals(List.of("from node B"), c.texts());
        assertEquals(2, c.peer().frames().size(), "the text and the binary message; the broken text is dropped");
        assertEquals(List.of("from node B (remote)"), heard.subList(0, 1));
        assertEquals(2, node.topics.topic("room").metrics.getReceived());
    }

    @Test
    void theListenersOfATopicHearWhenTheRelayStartsReceivingItAndMayPublishThen() throws Exception {
        startRelay();
        TestNode.Client c = node.connect();
        node.topics.subscribe(c.session(), "room");
        List<String> heard = new CopyOnWriteArrayList<>();
        node.topics.addListener("room", new TopicListener() {
            @Override
            public void onMessage(TopicMessage message) {
            }

            @Override
            public void onOtherNodesHeard(String topic) {
                heard.add(topic + " on " + Thread.currentThread().getName());
                node.topics.publish(topic, "hello again"); // e.g. ask the other nodes who is there
            }
        });
        relay.context.listening("room");
        relay.context.listening("nobody-here");
        Poll.untilEquals(Duration.ofSeconds(10), "the answer at the subscriber", 1, () -> c.texts().size());
        assertEquals(List.of("hello again"), c.texts());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).startsWith("room on ferry-broadcast-"), "on a broadcast thread: " + heard);
        assertTrue(relay.calls.contains("publish room hello again"), relay.calls.toString());
    }

    @Test
    void aProviderThatIsNotConfiguredStartsNothingAndASecondRelayIsRefused() {
        assertFalse(node.topics.startRelay(context -> null, name -> null));
        startRelay();
        assertThrows(IllegalStateException.class, () -> node.topics.startRelay(context -> relay, name -> null));
        node.topics.close();
        assertTrue(relay.closed, "closed with the node");
    }

    @Test
    void withoutARelayProviderOnTheClassPathNothingStarts() {
        assertFalse(node.topics.startRelay(name -> "redis://127.0.0.1:1", getClass().getClassLoader()));
        assertEquals(RelayStatus.NONE, node.topics.relayStatus());
    }
}
