package dev.ferry.broadcast;

/**
 * The counters of one topic, and its JMX view. Its deliveries and drops also count in the container's totals.
 */
final class TopicMetrics extends MessageCounts implements TopicMXBean {

    private final Topic topic;
    private final BroadcastMetrics totals;

    TopicMetrics(Topic topic, BroadcastMetrics totals) {
        this.topic = topic;
        this.totals = totals;
    }

    @Override
    void delivered() {
        super.delivered();
        totals.delivered();
    }

    @Override
    void dropped() {
        super.dropped();
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
}
