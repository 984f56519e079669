package dev.ferry.broadcast;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one topic, and its JMX view. Each count is also added to the container's totals.
 * Lock-free and allocation-free: they sit on the per-message, per-subscriber path.
 */
final class TopicMetrics implements TopicMXBean {

    private final Topic topic;
    private final BroadcastMetrics totals;
    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    TopicMetrics(Topic topic, BroadcastMetrics totals) {
        this.topic = topic;
        this.totals = totals;
    }

    void published() {
        published.increment();
    }

    void received() {
        received.increment();
    }

    void delivered() {
        delivered.increment();
        totals.delivered();
    }

    void dropped() {
        dropped.increment();
        totals.dropped();
    }

    @Override
    public String getTopic() {
        return topic.name();
    }

    @Override
    public int getSubscribers() {
        return topic.subscriberCount();
    }

    @Override
    public int getListeners() {
        return topic.listenerCount();
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
}
