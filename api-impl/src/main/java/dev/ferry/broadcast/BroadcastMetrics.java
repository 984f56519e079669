package dev.ferry.broadcast;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The totals of one server container's broadcasting and its relay, and their JMX view. */
final class BroadcastMetrics extends MessageCounts implements BroadcastMXBean {

    private final String node;
    private final IntSupplier topics;
    private final IntSupplier subscribers;
    private final Supplier<RelayStatus> relay;

    BroadcastMetrics(String node, IntSupplier topics, IntSupplier subscribers, Supplier<RelayStatus> relay) {
        this.node = node;
        this.topics = topics;
        this.subscribers = subscribers;
        this.relay = relay;
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
