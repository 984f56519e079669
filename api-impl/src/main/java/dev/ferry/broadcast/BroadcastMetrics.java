package dev.ferry.broadcast;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The totals of one server container's broadcasting and its relay, and their JMX view. */
final class BroadcastMetrics implements BroadcastMXBean {

    private final String node;
    private final IntSupplier topics;
    private final IntSupplier subscribers;
    private final Supplier<RelayStatus> relay;
    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    BroadcastMetrics(String node, IntSupplier topics, IntSupplier subscribers, Supplier<RelayStatus> relay) {
        this.node = node;
        this.topics = topics;
        this.subscribers = subscribers;
        this.relay = relay;
    }

    void published() {
        published.increment();
    }

    void received() {
        received.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void dropped() {
        dropped.increment();
    }

    @Override
    public String getNode() {
        return node;
    }

    @Override
    public int getTopics() {
        return topics.getAsInt();
    }

    @Override
    public int getSubscribers() {
        return subscribers.getAsInt();
    }

    @Override
    public long getPublished() {
        return published.sum();
    }

    @Override
    public long getReceived() {
        return received.sum();
    }

    @Override
    public long getDelivered() {
        return delivered.sum();
    }

    @Override
    public long getDropped() {
        return dropped.sum();
    }

    @Override
    public String getRelayBroker() {
        return relay.get().broker();
    }

    @Override
    public boolean isRelayConnected() {
        return relay.get().connected();
    }

    @Override
    public long getRelayPublished() {
        return relay.get().published();
    }

    @Override
    public long getRelayLost() {
        return relay.get().lost();
    }

    @Override
    public long getRelayReceived() {
        return relay.get().received();
    }

    @Override
    public long getRelayDuplicates() {
        return relay.get().duplicates();
    }
}
