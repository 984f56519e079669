package dev.ferry.broadcast;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The topics with a subscriber or listener on this node, by name. A topic is opened when it gets
 * its first one and closed (and forgotten) when it loses its last, both under its monitor, so that
 * a relay hears "listen" and "stop listening" for one name in the order they happened, even when
 * a new topic of the same name opens right after the old one closed.
 */
final class TopicTable {

    /** Told, under the topic's monitor, when a topic opens and closes. */
    interface Lifecycle {
        void opened(Topic topic);

        void closed(Topic topic);
    }

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final Function<String, Topic> factory;
    private final Lifecycle lifecycle;

    TopicTable(Function<String, Topic> factory, Lifecycle lifecycle) {
        this.factory = factory;
        this.lifecycle = lifecycle;
    }

    /** The open topic named {@code name}, or null. Its monitor must be taken to use it, and {@link Topic#isRemoved} checked. */
    Topic get(String name) {
        return topics.get(name);
    }

    /** Runs {@code action} on the topic named {@code name}, created if need be, under its monitor. */
    <T> T update(String name, Function<Topic, T> action) {
        while (true) {
            Topic topic = topics.computeIfAbsent(name, factory);
            synchronized (topic) {
                if (topic.isRemoved()) {
                    continue; // closed while we waited for it: the next one is in the table, or will be
                }
                try {
                    return action.apply(topic);
                } finally {
                    settle(topic);
                }
            }
        }
    }

    /** As {@link #update}, for a topic that is open already; {@code absent} when it is not. */
    <T> T updateExisting(String name, Function<Topic, T> action, T absent) {
        Topic topic = topics.get(name);
        if (topic == null) {
            return absent;
        }
        synchronized (topic) {
            if (topic.isRemoved()) {
                return absent;
            }
            try {
                return action.apply(topic);
            } finally {
                settle(topic);
            }
        }
    }

    int size() {
        return topics.size();
    }

    Set<String> names() {
        return Set.copyOf(topics.keySet());
    }

    /** Opens a topic that got its first subscriber or listener, closes one that lost its last (monitor held). */
    private void settle(Topic topic) {
        if (topic.isEmpty()) {
            topic.markRemoved();
            try {
                if (topic.isLive()) {
                    lifecycle.closed(topic);
                }
            } finally {
                topics.remove(topic.name(), topic);
            }
        } else if (!topic.isLive()) {
            topic.markLive();
            lifecycle.opened(topic);
        }
    }
}
