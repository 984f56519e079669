package dev.ferry.broadcast;

import java.nio.ByteBuffer;
import java.util.Set;

/** What a {@link BroadcastRelay} gets from the node it serves. */
public interface RelayContext {

    /** A setting by its full name (a servlet-context init parameter), or {@code null}. */
    String setting(String name);

    /** This node's name ({@code dev.ferry.broadcast.nodeName}), for logs. */
    String nodeName();

    /** The application's name (its context path), for logs. */
    String applicationName();

    /**
     * Delivers a message another node published to this node's subscribers and listeners of
     * {@code topic} (never relayed again). Calls for one topic must come in the order the messages
     * were published.
     *
     * @param payload UTF-8 for text: text that is not is dropped
     */
    void deliver(String topic, boolean text, ByteBuffer payload);

    /**
     * The relay receives what other nodes publish to {@code topic} from now on (its subscription
     * is active, first or again after the broker was away): the topic's listeners hear of it.
     */
    default void listening(String topic) {
    }

    /** The topics this node listens to now (to listen again after the broker was away). */
    Set<String> listenedTopics();

    /** Runs {@code task} on one of the node's broadcast threads (for work a relay must not do on its own). */
    void execute(Runnable task);
}
