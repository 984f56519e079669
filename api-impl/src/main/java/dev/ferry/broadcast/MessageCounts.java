package dev.ferry.broadcast;

import java.util.concurrent.atomic.LongAdder;

/**
 * The four message counts that a topic and a node's totals both keep (and show in JMX under the
 * same names). Lock-free and allocation-free: they sit on the per-message, per-subscriber path.
 */
abstract class MessageCounts {

    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();

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

    public long getPublished() {
        return published.sum();
    }

    public long getReceived() {
        return received.sum();
    }

    public long getDelivered() {
        return delivered.sum();
    }

    public long getDropped() {
        return dropped.sum();
    }
}
