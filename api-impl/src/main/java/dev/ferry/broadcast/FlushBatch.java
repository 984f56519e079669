package dev.ferry.broadcast;

/**
 * The subscribers one thread has queued messages on, unwritten, while it held topic locks
 * (publishing, or in a listener or a subscription's first action, which may publish again). They
 * are flushed once the outermost of those calls has let go of its lock, so no socket is written
 * while a topic is held. One per thread and outermost call.
 */
final class FlushBatch {

    /** How deep the thread is in publishing calls. */
    int depth;
    private Subscriber[] subscribers = new Subscriber[16];
    private int count;

    void add(Subscriber subscriber) {
        if (count == subscribers.length) {
            subscribers = java.util.Arrays.copyOf(subscribers, count * 2);
        }
        subscribers[count++] = subscriber;
    }

    /** Leaves one publishing call; the outermost hands what was collected to {@code flusher}. */
    void leave(Flusher flusher) {
        if (--depth > 0 || count == 0) {
            return;
        }
        int n = count;
        count = 0;
        try {
            flusher.flush(subscribers, n);
        } finally {
            java.util.Arrays.fill(subscribers, 0, n, null);
        }
    }
}
