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
}
