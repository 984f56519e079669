package dev.ferry.broadcast;

/**
 * Broadcasting of one server container in JMX, totals over all topics and the relay:
 * {@code dev.ferry:type=Broadcast,application="<context path>",container=<n>}.
 */
public interface BroadcastMXBean {

    String getNode();

    /** Topics with a subscriber or listener on this node now. */
    int getTopics();

    /** Sessions on this node with at least one subscription now. */
    int getSubscribers();

    /** Messages published on this node, to any topic. */
    long getPublished();

    /** Messages of other nodes that reached this node through the relay. */
    long getReceived();

    long getDelivered();

    long getDropped();

    /** Where the relay relays to, empty without one. */
    String getRelayBroker();

    /** Whether the relay reaches its broker now. */
    boolean isRelayConnected();

    long getRelayPublished();

    /** Messages of this node that never reached the broker (it was away). */
    long getRelayLost();

    long getRelayReceived();

    /** Messages of other nodes that came twice; dropped. */
    long getRelayDuplicates();
}
