package dev.ferry.broadcast.redis;

import dev.ferry.broadcast.BroadcastRelay;
import dev.ferry.broadcast.RelayContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;

/** A node as its relay sees it: records what other nodes' messages it is handed, in order. */
final class FakeNode implements RelayContext, AutoCloseable {

    final String name;
    final Map<String, String> settings;
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final Set<String> listened = new java.util.concurrent.CopyOnWriteArraySet<>();
    /** The topics the relay said it receives now, in order (again after Redis was away). */
    final List<String> receiving = new CopyOnWriteArrayList<>();
    final BroadcastRelay relay;

    FakeNode(String name, String redisUri) {
        this(name, Map.of("dev.ferry.broadcast.redis.uri", redisUri, "dev.ferry.broadcast.redis.maxReconnectDelay",
                "200"));
    }

    FakeNode(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = settings;
        this.relay = new RedisRelayProvider().start(this);
    }

    void listen(String topic) {
        listened.add(topic);
        relay.listen(topic);
    }

    void stopListening(String topic) {
        listened.remove(topic);
        relay.stopListening(topic);
    }

    void publish(String topic, String text) {
        relay.publish(topic, true, StandardCharsets.UTF_8.encode(text).asReadOnlyBuffer());
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public String nodeName() {
        return name;
    }

    @Override
    public String applicationName() {
        return "/";
    }

    @Override
    public void deliver(String topic, boolean text, ByteBuffer payload) {
        delivered.add(topic + ": " + (text ? StandardCharsets.UTF_8.decode(payload) : payload.remaining() + " bytes"));
    }

    @Override
    public void listening(String topic) {
        receiving.add(topic);
    }

    @Override
    public Set<String> listenedTopics() {
        return Set.copyOf(listened);
    }

    @Override
    public void execute(Runnable task) {
        ForkJoinPool.commonPool().execute(task);
    }

    @Override
    public void close() {
        relay.close();
    }
}
