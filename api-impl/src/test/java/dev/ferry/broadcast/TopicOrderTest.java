package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What holds while several threads publish at once: each publisher's messages arrive in its order,
 * every subscriber on the node sees the same interleaving, and a session that joins with a first
 * message (a history, a greeting) gets it before everything published later, with no message
 * missed or doubled between the two.
 */
class TopicOrderTest {

    private static final int PUBLISHERS = 4;
    private static final int PER_PUBLISHER = 500;

    @Test
    void everySubscriberSeesOneOrderAndEachPublishersOrderIsKept() throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(1 << 16, SlowSubscriberPolicy.DROP))) {
            List<TestNode.Client> clients = IntStream.range(0, 40).mapToObj(i -> node.connect()).toList();
            for (TestNode.Client c : clients) {
                node.topics.subscribe(c.session(), "t");
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                String name = "p" + p;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < PER_PUBLISHER; i++) {
                        node.topics.publish("t", name + ":" + i);
                    }
                });
                t.start();
                publishers.add(t);
            }
            start.countDown();
            for (Thread t : publishers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            int total = PUBLISHERS * PER_PUBLISHER;
            for (TestNode.Client c : clients) {
                Poll.until(Duration.ofSeconds(20), "all messages at a subscriber", () -> c.texts().size() == total);
            }
            List<String> first = clients.get(0).texts();
            for (TestNode.Client c : clients) {
                assertEquals(first, c.texts(), "one order for every subscriber on the node");
            }
            for (int p = 0; p < PUBLISHERS; p++) {
                String prefix = "p" + p + ":";
                List<String> own = first.stream().filter(s -> s.startsWith(prefix)).toList();
                assertEquals(IntStream.range(0, PER_PUBLISHER).mapToObj(i -> prefix + i).toList(), own,
                        "publisher " + p + "'s order");
            }
        }
    }

    @Test
    void aJoiningSessionsFirstMessageIsFollowedByExactlyWhatWasPublishedAfterIt() throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(1 << 16, SlowSubscriberPolicy.DROP))) {
            AtomicInteger last = new AtomicInteger(); // the last number the topic carried, kept by its listener
            node.topics.addListener("count", m -> last.set(Integer.parseInt(m.text())));
            TestNode.Client watcher = node.connect();
            node.topics.subscribe(watcher.session(), "count");
            int total = 3000;
            Thread publisher = new Thread(() -> {
                for (int i = 1; i <= total; i++) {
                    node.topics.publish("count", Integer.toString(i));
                }
            });
            publisher.start();
            List<TestNode.Client> joiners = new ArrayList<>();
            while (publisher.isAlive() && joiners.size() < 50) {
                TestNode.Client joiner = node.connect();
                node.topics.subscribe(joiner.session(), "count", SlowSubscriberPolicy.DROP, () -> {
                    try {
                        joiner.session().getAsyncRemote().sendText("history up to " + last.get());
                    } catch (IllegalStateException e) {
                        throw new AssertionError(e);
                    }
                });
                joiners.add(joiner);
            }
            publisher.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(joiners.size() > 5, "sessions joined while messages flowed: " + joiners.size());
            Poll.until(Duration.ofSeconds(20), "the watcher got everything", () -> watcher.texts().size() == total);
            for (TestNode.Client j : joiners) {
                Poll.until(Duration.ofSeconds(20), "a joiner got the last message", () -> {
                    List<String> texts = j.texts();
                    return !texts.isEmpty() && texts.get(texts.size() - 1).equals(Integer.toString(total))
                            || texts.size() == 1 && texts.get(0).equals("history up to " + total);
                });
                List<String> texts = j.texts();
                int from = Integer.parseInt(texts.get(0).substring("history up to ".length())) + 1;
                assertEquals(IntStream.rangeClosed(from, total).mapToObj(Integer::toString).toList(),
                        texts.subList(1, texts.size()), "no gap, no double after the history");
            }
        }
    }

}
