package dev.ferry.broadcast;

/**
 * One topic with subscribers or listeners on this node, in JMX:
 * {@code dev.ferry:type=Topic,application="<context path>",container=<n>,topic="<name>"}. It is
 * there while the topic has a subscriber or listener here; counts start when it appears.
 */
public interface TopicMXBean {

    String getTopic();

    /** Sessions on this node subscribed now. */
    int getSubscribers();

    /** Listeners on this node now. */
    int getListeners();

    /** Messages published to the topic on this node. */
    long getPublished();

    /** Messages of other nodes that reached this node through the relay. */
    long getReceived();

    /** Messages written to a subscriber's connection (one per subscriber and message). */
    long getDelivered();

    /**
     * Messages a subscriber did not get: it was too slow (see the slow-subscriber policy), or its
     * connection failed before the message was written.
     */
    long getDropped();
}
