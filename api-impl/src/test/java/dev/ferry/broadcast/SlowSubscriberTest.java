package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.Poll;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A subscriber whose peer stops reading never holds up the publisher or the others, and costs a
 * bounded number of queued messages: past the bound it misses messages (drop) or is closed with
 * 1008 or 1013, and each message it did not get is counted as dropped.
 */
class SlowSubscriberTest {

    private static final int MAX_QUEUED = 4;

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void dropLetsItMissMessagesAndCatchUpLater() {
        try (TestNode node = new TestNode(TestNode.settings(MAX_QUEUED, SlowSubscriberPolicy.DROP))) {
            TestNode.Client fast = node.connect();
            TestNode.Client slow = node.connect();
            node.topics.subscribe(fast.session(), "t");
            node.topics.subscribe(slow.session(), "t");
            slow.peer().stopReading();
            for (int i = 1; i <= 10; i++) {
                node.topics.publish("t", Integer.toString(i));
            }
            assertEquals(numbers(1, 10), fast.texts(), "the fast one got everything, at once");
            Topic topic = node.topics.topic("t");
            assertEquals(6, topic.metrics.getDropped(), "10 published, 4 queued for the slow one");
            assertEquals(10, topic.metrics.getDelivered(), "written: the fast one's 10; the slow one's 4 wait");
            slow.peer().startReading();
            assertEquals(numbers(1, 4), slow.texts(), "what fit in its queue");
            node.topics.publish("t", "11");
            assertEquals(List.of("1", "2", "3", "4", "11"), slow.texts(), "caught up: it gets the next one");
            assertEquals(16, topic.metrics.getDelivered());
            assertTrue(slow.session().isOpen());
        }
    }

    @Test
    void closePolicyViolationClosesItWith1008AndTheOthersGoOn() throws Exception {
        assertClosedWith(SlowSubscriberPolicy.CLOSE_POLICY_VIOLATION, 1008);
    }

    @Test
    void closeTryAgainLaterClosesItWith1013() throws Exception {
        assertClosedWith(SlowSubscriberPolicy.CLOSE_TRY_AGAIN_LATER, 1013);
    }

    private void assertClosedWith(SlowSubscriberPolicy policy, int code) throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(MAX_QUEUED, SlowSubscriberPolicy.DROP))) {
            TestNode.Client fast = node.connect();
            TestNode.Client slow = node.connect();
            node.topics.subscribe(fast.session(), "t");
            node.topics.subscribe(slow.session(), "t", policy);
            slow.peer().stopReading();
            for (int i = 1; i <= 10; i++) {
                node.topics.publish("t", Integer.toString(i));
            }
            assertEquals(numbers(1, 10), fast.texts());
            Poll.until(Duration.ofSeconds(5), "the slow subscriber closed", () -> !slow.closes().isEmpty());
            assertEquals(code, slow.closes().get(0).getCloseCode().getCode());
            assertTrue(slow.closes().get(0).getReasonPhrase().startsWith("Too slow: 4 broadcast messages"),
                    slow.closes().get(0).getReasonPhrase());
            // Its subscriptions end right after its onClose (on the closing thread).
            Poll.untilEquals(Duration.ofSeconds(5), "subscribers left", 1, () -> node.topics.subscriberCount("t"));
            assertEquals(1, node.topics.publish("t", "11"));
            slow.peer().startReading();
            Peer.Frame last = slow.peer().frames().get(slow.peer().frames().size() - 1);
            assertEquals(8, last.opcode(), "its queue ends with the close frame");
            assertEquals(code, last.closeCode());
        }
    }

    @Test
    void theSessionsOutboundByteLimitMakesItSlowToo() {
        try (TestNode node = new TestNode(TestNode.settings(1000, SlowSubscriberPolicy.DROP))) {
            TestNode.Client slow = node.connect(1000); // dev.ferry.maxOutboundBytes of 1000
            node.topics.subscribe(slow.session(), "big");
            slow.peer().stopReading();
            int queued = 0;
            for (int i = 0; i < 5; i++) {
                queued += node.topics.publish("big", ByteBuffer.allocate(400));
            }
            assertEquals(3, queued, "402 + 404 + 404 bytes pass 1000: the fourth and fifth are refused");
            slow.peer().startReading();
            assertEquals(3, slow.peer().frames().size());
        }
    }

    @Test
    void aThousandStuckSubscribersDoNotDelayTheOthers() throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(20, SlowSubscriberPolicy.DROP))) {
            TestNode.Client fast = node.connect();
            List<TestNode.Client> stuck = IntStream.range(0, 1000).mapToObj(i -> node.connect()).toList();
            node.topics.subscribe(fast.session(), "t");
            for (TestNode.Client c : stuck) {
                node.topics.subscribe(c.session(), "t");
                c.peer().stopReading();
            }
            // 60 messages: fewer than Subscriber.OVERLOAD times the bound of 20, so however far the
            // publisher runs ahead of the writing threads, the subscriber that reads gets them all.
            for (int i = 1; i <= 60; i++) {
                node.topics.publish("t", Integer.toString(i));
            }
            Poll.until(Duration.ofSeconds(10), "the fast subscriber got all 60", () -> fast.texts().size() == 60);
            assertEquals(numbers(1, 60), fast.texts());
            for (TestNode.Client c : stuck) {
                c.peer().startReading();
            }
            for (TestNode.Client c : stuck) {
                Poll.until(Duration.ofSeconds(10), "a stuck subscriber's queue written",
                        () -> c.texts().size() >= 20 && c.texts().equals(numbers(1, c.texts().size())));
            }
            Topic topic = node.topics.topic("t");
            Poll.untilEquals(Duration.ofSeconds(10), "every message delivered or dropped", 60 * 1001,
                    () -> topic.metrics.getDelivered() + topic.metrics.getDropped());
            assertTrue(topic.metrics.getDropped() > 0, "the stuck ones missed messages: " + topic.metrics.getDropped());
        }
    }

    @Test
    void aSubscriberWhoseWritesLagBehindThePublisherIsNotSlowUntilTheCap() throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(2, SlowSubscriberPolicy.DROP))) {
            List<TestNode.Client> many = IntStream.range(0, 20).mapToObj(i -> node.connect()).toList();
            for (TestNode.Client c : many) {
                node.topics.subscribe(c.session(), "t");
            }
            // More than 16 subscribers: written by the flushing thread (one here), kept busy so that
            // the publisher runs ahead of it. A bound of 2 would drop at once if that lag counted;
            // up to 4 x 2 queued unflushed are taken, and no more.
            CountDownLatch flusherFree = new CountDownLatch(1);
            node.topics.flusher.execute(() -> {
                try {
                    flusherFree.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 1; i <= 8; i++) {
                assertEquals(20, node.topics.publish("t", Integer.toString(i)), "message " + i);
            }
            assertEquals(0, node.topics.publish("t", "9"), "past the cap: 8 wait for the flushing thread");
            flusherFree.countDown();
            for (TestNode.Client c : many) {
                Poll.until(Duration.ofSeconds(10), "a subscriber to get 1 to 8", () -> c.texts().equals(numbers(1, 8)));
            }
            Poll.untilEquals(Duration.ofSeconds(10), "messages written", 160L,
                    () -> node.topics.topic("t").metrics.getDelivered());
            assertEquals(20, node.topics.publish("t", "10"), "written, none waits: all take the next one");
        }
    }
}
