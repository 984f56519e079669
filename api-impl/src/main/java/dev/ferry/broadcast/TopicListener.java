package dev.ferry.broadcast;

/**
 * Hears every message of a topic on this node: published here or on another node. An
 * application keeps state that follows a topic with it (a room's history, who is present).
 */
@FunctionalInterface
public interface TopicListener {

    /**
     * Called once per message, after the topic's subscribers on this node have it queued and in the
     * same order, on the thread that published it (or the relay's, for a message from another
     * node), while the topic's publishing is held: it must be quick and must not wait. It may
     * publish (to this topic too: that message follows this one everywhere on this node).
     */
    void onMessage(TopicMessage message);

    /**
     * This node receives what other nodes publish to {@code topic} from now on: its relay's
     * subscription became active (after the topic opened here, or again after the broker was
     * away). What other nodes published before that did not reach this node; a listener that
     * learns state from other nodes' answers (who is present) asks them again here. Called on a
     * broadcast thread, without the topic held; it may publish. Never called without a relay.
     */
    default void onOtherNodesHeard(String topic) {
    }
}
