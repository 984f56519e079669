package dev.ferry.broadcast;

import dev.ferry.session.SharedMessage;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * One topic on this node: its subscriptions and listeners. Its monitor orders everything done to
 * it: publishing (so every subscriber here sees one order), subscribing and unsubscribing, and
 * its opening and closing in the {@link TopicTable}. The subscriptions are an array replaced on
 * change, so publishing walks a plain array.
 */
final class Topic {

    private static final System.Logger LOG = System.getLogger(Topic.class.getName());
    private static final Subscription[] NO_SUBSCRIPTIONS = {};
    private static final TopicListener[] NO_LISTENERS = {};

    private final String name;
    final TopicMetrics metrics;
    private volatile Subscription[] subscriptions = NO_SUBSCRIPTIONS;
    private volatile TopicListener[] listeners = NO_LISTENERS;
    // Guarded by this: where the table has the topic in its life.
    private boolean live;
    private boolean removed;
    /** Takes the topic's MBean away. */
    Runnable hide = () -> { };

    Topic(String name, BroadcastMetrics totals) {
        this.name = name;
        this.metrics = new TopicMetrics(this, totals);
    }

    String name() {
        return name;
    }

    int subscriberCount() {
        return subscriptions.length;
    }

    int listenerCount() {
        return listeners.length;
    }

    // The rest is called with the monitor held.

    boolean isEmpty() {
        return subscriptions.length == 0 && listeners.length == 0;
    }

    boolean isLive() {
        return live;
    }

    void markLive() {
        live = true;
    }

    boolean isRemoved() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    boolean isSubscribed(Subscriber subscriber) {
        return indexOf(subscriber) >= 0;
    }

    void add(Subscription subscription) {
        Subscription[] now = subscriptions;
        Subscription[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = subscription;
        subscriptions = next;
    }

    boolean remove(Subscriber subscriber) {
        int at = indexOf(subscriber);
        if (at < 0) {
            return false;
        }
        Subscription[] now = subscriptions;
        Subscription[] next = new Subscription[now.length - 1];
        System.arraycopy(now, 0, next, 0, at);
        System.arraycopy(now, at + 1, next, at, now.length - at - 1);
        subscriptions = next;
        return true;
    }

    private int indexOf(Subscriber subscriber) {
        Subscription[] now = subscriptions;
        for (int i = 0; i < now.length; i++) {
            if (now[i].subscriber == subscriber) {
                return i;
            }
        }
        return -1;
    }

    void addListener(TopicListener listener) {
        TopicListener[] now = listeners;
        TopicListener[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = listener;
        listeners = next;
    }

    boolean removeListener(TopicListener listener) {
        TopicListener[] now = listeners;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == listener) {
                TopicListener[] next = new TopicListener[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                listeners = next;
                return true;
            }
        }
        return false;
    }

    /** Tells the listeners that other nodes are heard now (without the monitor: they may publish). */
    void otherNodesHeard() {
        for (TopicListener listener : listeners) {
            try {
                listener.onOtherNodesHeard(name);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: a listener of topic " + name + " failed", e);
            }
        }
    }

    /**
     * Queues {@code message} unwritten on every subscriber (those that need a flush go into
     * {@code batch}), then tells the listeners, which may publish again: what they publish follows.
     *
     * @return the subscribers it was queued on
     */
    int publish(SharedMessage message, boolean fromAnotherNode, FlushBatch batch) {
        if (fromAnotherNode) {
            metrics.received();
        } else {
            metrics.published();
        }
        int queued = 0;
        for (Subscription subscription : subscriptions) {
            Subscriber.Offer offer = subscription.subscriber.offer(message, subscription);
            if (offer != Subscriber.Offer.REFUSED) {
                queued++;
                if (offer == Subscriber.Offer.FLUSH_DUE) {
                    batch.add(subscription.subscriber);
                }
            }
        }
        TopicListener[] toTell = listeners;
        if (toTell.length > 0) {
            TopicMessage seen = new TopicMessage(name, message.isText(), message.payload(), fromAnotherNode);
            for (TopicListener listener : toTell) {
                try {
                    listener.onMessage(seen);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Ferry WebSocket: a listener of topic " + name + " failed", e);
                }
            }
        }
        return queued;
    }
}
