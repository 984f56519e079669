package dev.ferry.broadcast;

import dev.ferry.session.SessionFanOut;
import dev.ferry.session.SharedMessage;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session that subscribed to topics: how many broadcast messages wait to be written to it
 * (the bound that makes it slow), whether it has frames waiting for a flush, and its topics, so
 * that they all let go of it when it ends.
 */
final class Subscriber {

    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());
    /** How many times the bound a subscriber may hold when the writing threads are behind. */
    static final int OVERLOAD = 4;

    final SessionFanOut fanOut;
    private final int maxQueued;
    /** Where a slow subscriber is closed: never on the publisher's thread, which may hold the application's locks. */
    private final Executor closer;
    /** Messages queued on the session and not yet written. */
    private final AtomicInteger queued = new AtomicInteger();
    /**
     * Of those, the ones queued since its last flush began: they wait for us, not for the peer, so
     * they do not make it slow (up to {@link #OVERLOAD} times the bound, which caps what a
     * subscriber holds even when the writing threads cannot keep up).
     */
    private final AtomicInteger unflushed = new AtomicInteger();
    /** Whether a flush of this session is due (queued for a flusher, or for the publisher after its lock). */
    private final AtomicBoolean flushDue = new AtomicBoolean();
    private volatile boolean closing;
    /** Guarded by {@code this}. */
    private final Set<String> topics = new HashSet<>();
    private boolean ended;

    Subscriber(SessionFanOut fanOut, int maxQueued, Executor closer) {
        this.fanOut = fanOut;
        this.maxQueued = maxQueued;
        this.closer = closer;
    }

    /** What {@link #offer} did. */
    enum Offer {
        /** Not queued: the subscriber is slow or closing (counted as dropped). */
        REFUSED,
        /** Queued; a flush was due already. */
        QUEUED,
        /** Queued, and this made a flush due: the caller must see that {@link #flush} runs. */
        FLUSH_DUE
    }

    /** Queues {@code message} unwritten, or applies the slow-subscriber policy of {@code via}. */
    Offer offer(SharedMessage message, Subscription via) {
        if (closing) {
            via.metrics.dropped();
            return Offer.REFUSED;
        }
        int waiting = queued.incrementAndGet();
        int atThePeer = waiting - unflushed.incrementAndGet();
        if (atThePeer >= maxQueued || waiting > OVERLOAD * maxQueued || !fanOut.queue(message, via, true)) {
            queued.decrementAndGet();
            unflushed.decrementAndGet();
            tooSlow(via, waiting - 1);
            return Offer.REFUSED;
        }
        return flushDue.compareAndSet(false, true) ? Offer.FLUSH_DUE : Offer.QUEUED;
    }

    /**
     * Writes what was queued unwritten: what the transport cannot take now waits at the peer from
     * here on. Cleared first: what is queued after this starts gets a flush of its own.
     */
    void flush() {
        flushDue.set(false);
        unflushed.set(0);
        fanOut.flush();
    }

    /** One queued message was written or failed. */
    void written() {
        queued.decrementAndGet();
    }

    /** Messages queued and not yet written. */
    int queued() {
        return queued.get();
    }

    private void tooSlow(Subscription via, int waiting) {
        via.metrics.dropped();
        if (via.policy == SlowSubscriberPolicy.DROP || closing) {
            return;
        }
        closing = true;
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.getCloseCode(via.policy.closeCode()),
                "Too slow: " + waiting + " broadcast messages were waiting to be written");
        closer.execute(() -> {
            try {
                fanOut.session().close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Closing slow subscriber " + fanOut.session() + " failed: " + e);
            }
        });
    }

    /** Records a subscription to {@code topic}; false once the session has ended. */
    synchronized boolean join(String topic) {
        if (ended) {
            return false;
        }
        topics.add(topic);
        return true;
    }

    synchronized void left(String topic) {
        topics.remove(topic);
    }

    /** The session ended: its topics, which it must now leave; it joins no more. */
    synchronized Set<String> end() {
        ended = true;
        Set<String> all = Set.copyOf(topics);
        topics.clear();
        return all;
    }
}
