package dev.ferry.broadcast;

import java.nio.ByteBuffer;

/**
 * Carries this node's publications to the other nodes of a cluster and theirs to this node,
 * through a broker (the {@code ferry-broadcast-redis} module is one). A relay delivers at most
 * once: a message that cannot reach the broker is lost, never sent twice; and messages a node
 * publishes to a topic reach every other node in the order it published them.
 *
 * <p>Every method is called on an application's thread and must not wait for the broker.
 */
public interface BroadcastRelay extends AutoCloseable {

    /**
     * Sends a message published on this node (whose own subscribers have it already) to the other
     * nodes. Calls for one topic come in publish order.
     *
     * @param payload the message's bytes (UTF-8 for text), read-only; the relay may keep it
     */
    void publish(String topic, boolean text, ByteBuffer payload);

    /** This node has a subscriber or listener of {@code topic} now: receive what other nodes publish to it. */
    void listen(String topic);

    /** This node's last subscriber or listener of {@code topic} is gone. */
    void stopListening(String topic);

    /** What the relay has done so far, for JMX. */
    RelayStatus status();

    /** Ends the relay when the application stops, after a short wait for messages still on their way. */
    @Override
    void close();
}
