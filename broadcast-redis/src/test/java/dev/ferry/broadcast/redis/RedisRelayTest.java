package dev.ferry.broadcast.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.Poll;
import dev.ferry.testsupport.RedisServer;
import dev.ferry.testsupport.RequiresPrograms;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes' relays on a real redis-server: one PUBLISH per message, in order, heard only on the
 * channels a node listens to, never by its publisher; Redis stopped and started again mid-test:
 * what was published meanwhile is lost (and counted), the log says when it went and when it came
 * back, delivery resumes by itself, and nothing arrives twice, even when Redis carries a message
 * twice.
 */
@RequiresPrograms(ExternalProgram.REDIS_SERVER)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRelayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private RedisServer redis;

    @BeforeAll
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static void awaitConnected(FakeNode... nodes) throws Exception {
        for (FakeNode node : nodes) {
            Poll.until(TIMEOUT, node.name + " to reach Redis", () -> node.relay.status().connected());
        }
    }

    /** Subscribers of {@code channel} in Redis, as PUBSUB NUMSUB counts them. */
    private long subscribersInRedis(String channel) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aMessageReachesTheNodesThatListenOnceAndInOrder() throws Exception {
        try (FakeNode a = new FakeNode("a", redis.uri()); FakeNode b = new FakeNode("b", redis.uri());
                FakeNode c = new FakeNode("c", redis.uri())) {
            awaitConnected(a, b, c);
            a.listen("order");
            b.listen("order");
            c.listen("elsewhere");
            Poll.untilEquals(TIMEOUT, "subscribers of the channel in Redis", 2,
                    () -> subscribersInRedis("ferry:broadcast:order"));
            for (int i = 0; i < 500; i++) {
                a.publish("order", "m" + i);
            }
            Poll.untilEquals(TIMEOUT, "messages at b", 500, () -> b.delivered.size());
            assertEquals(IntStream.range(0, 500).mapToObj(i -> "order: m" + i).toList(), b.delivered);
            assertEquals(List.of(), a.delivered, "a's own messages are not handed back to it");
            assertEquals(List.of(), c.delivered, "c does not listen to the topic");
            Poll.untilEquals(TIMEOUT, "published by a", 500, () -> a.relay.status().published());
            assertEquals(500, b.relay.status().received());
        }
    }

    @Test
    void aNodeIsSubscribedToAChannelOnlyWhileItListens() throws Exception {
        try (FakeNode a = new FakeNode("a", redis.uri())) {
            awaitConnected(a);
            a.listen("room-1");
            Poll.untilEquals(TIMEOUT, "subscribed", 1, () -> subscribersInRedis("ferry:broadcast:room-1"));
            Poll.untilEquals(TIMEOUT, "the node told it receives the topic", 1, () -> a.receiving.size());
            assertEquals(List.of("room-1"), a.receiving);
            a.stopListening("room-1");
            Poll.untilEquals(TIMEOUT, "unsubscribed", 0, () -> subscribersInRedis("ferry:broadcast:room-1"));
        }
    }

    @Test
    void whileRedisIsAwayMessagesAreLostThenDeliveryResumesByItselfWithoutDoubles() throws Exception {
        try (LogLines log = new LogLines(); FakeNode a = new FakeNode("a", redis.uri());
                FakeNode b = new FakeNode("b", redis.uri())) {
            awaitConnected(a, b);
            b.listen("news");
            Poll.untilEquals(TIMEOUT, "b subscribed", 1, () -> subscribersInRedis("ferry:broadcast:news"));
            a.publish("news", "before");
            Poll.untilEquals(TIMEOUT, "the first message at b", 1, () -> b.delivered.size());

            redis.stop();
            Poll.until(TIMEOUT, "a to notice", () -> !a.relay.status().connected());
            assertTrue(log.has("WARNING", "Redis at " + redis.uri() + " is unreachable"), log.lines.toString());
            assertTrue(log.has("WARNING", "messages published meanwhile do not reach the other nodes and are lost"));
            for (int i = 0; i < 10; i++) {
                a.publish("news", "while away " + i);
            }
            assertEquals(10, a.relay.status().lost());

            redis.startAgain();
            awaitConnected(a, b);
            Poll.untilEquals(TIMEOUT, "b subscribed again", 1, () -> subscribersInRedis("ferry:broadcast:news"));
            Poll.untilEquals(TIMEOUT, "b told it receives the topic again", 2, () -> b.receiving.size());
            assertTrue(log.has("INFO", "is reachable again; messages go to and come from the other nodes again (10 "
                    + "published on this node meanwhile did not reach them)"), log.lines.toString());
            a.publish("news", "after");
            Poll.untilEquals(TIMEOUT, "the message after at b", 2, () -> b.delivered.size());
            assertEquals(List.of("news: before", "news: after"), b.delivered);
            assertEquals(0, b.relay.status().duplicates());
        }
    }

    @Test
    void aRelayStartedWhileRedisIsAwayConnectsWhenItComes() throws Exception {
        redis.stop();
        try (LogLines log = new LogLines(); FakeNode a = new FakeNode("a", redis.uri());
                FakeNode b = new FakeNode("b", redis.uri())) {
            b.listen("late");
            a.publish("late", "nobody hears this");
            Poll.until(TIMEOUT, "the failure to connect logged", () -> log.has("WARNING", "is unreachable"));
            redis.startAgain();
            awaitConnected(a, b);
            Poll.untilEquals(TIMEOUT, "b subscribed", 1, () -> subscribersInRedis("ferry:broadcast:late"));
            a.publish("late", "heard");
            Poll.untilEquals(TIMEOUT, "at b", 1, () -> b.delivered.size());
            assertEquals(List.of("late: heard"), b.delivered);
            assertEquals(1, a.relay.status().lost());
        } finally {
            if (!redis.answersPing()) {
                redis.startAgain();
            }
        }
    }

    @Test
    void aMessageRedisCarriesTwiceIsDeliveredOnceAndForeignMessagesAreIgnored() throws Exception {
        try (FakeNode b = new FakeNode("b", redis.uri())) {
            awaitConnected(b);
            b.listen("dup");
            Poll.untilEquals(TIMEOUT, "b subscribed", 1, () -> subscribersInRedis("ferry:broadcast:dup"));
            byte[] channel = "ferry:broadcast:dup".getBytes(StandardCharsets.UTF_8);
            byte[] once = new Envelope(true, 42, 7, StandardCharsets.UTF_8.encode("only once")).encode();
            byte[] next = new Envelope(true, 42, 8, StandardCharsets.UTF_8.encode("next")).encode();
            RedisClient client = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE)) {
                raw.sync().publish(channel, once);
                raw.sync().publish(channel, once);
                raw.sync().publish(channel, "not a Ferry message".getBytes(StandardCharsets.UTF_8));
                raw.sync().publish(channel, next);
            } finally {
                client.shutdown();
            }
            Poll.untilEquals(TIMEOUT, "delivered", 2, () -> b.delivered.size());
            assertEquals(List.of("dup: only once", "dup: next"), b.delivered);
            assertEquals(1, b.relay.status().duplicates());
        }
    }

    @Test
    void binaryMessagesTravelAsTheyAreUnderTheChannelPrefixOfTheApplication() throws Exception {
        Map<String, String> settings = Map.of("dev.ferry.broadcast.redis.uri", redis.uri(),
                "dev.ferry.broadcast.redis.channelPrefix", "shop:");
        try (FakeNode a = new FakeNode("a", settings); FakeNode b = new FakeNode("b", settings)) {
            awaitConnected(a, b);
            b.listen("bin");
            Poll.untilEquals(TIMEOUT, "b subscribed under the prefix", 1, () -> subscribersInRedis("shop:bin"));
            a.relay.publish("bin", false, ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}));
            Poll.untilEquals(TIMEOUT, "at b", 1, () -> b.delivered.size());
            assertEquals(List.of("bin: 4 bytes"), b.delivered);
            assertEquals("redis://127.0.0.1:" + redis.port(), a.relay.status().broker());
        }
    }
}
