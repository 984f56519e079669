package dev.ferry.engine;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.LongPredicate;

/**
 * Which thread is delivering a connection's messages now, and what it sends meanwhile. That thread
 * must never wait for the peer (a container would not tell the connection "writable" before the
 * thread returns), and it is the one whose sends are batched: what its handlers send while more of
 * the same read is still to be parsed is held back, so that the answers to a burst of messages
 * leave in one gathered write at the burst's end. A lone message, or a burst's last one, is
 * written at once; and what is held is written after about a millisecond anyway (the scheduler's
 * {@link Watch}), so a handler that waits for its own send to complete in the middle of a burst
 * waits no longer.
 */
final class Delivery implements LongPredicate {

    /** How long answers to a burst may wait for the burst's end (give or take the watch's tick). */
    static final long HOLD_LIMIT_NANOS = 1_000_000;

    private final Scheduler scheduler;
    private final FrameSender sender;
    private volatile Thread thread;
    /** The bytes being parsed now; touched by the delivering thread only. */
    private ByteBuffer burst;
    /** When the current burst began to hold frames back (0 = it holds none); set by the delivering thread. */
    private volatile long holdSince;
    /** Registered with the scheduler's watch. */
    /** 1 while the hold check is registered with the watch (an updater, not an AtomicBoolean: idle connections stay small). */
    private volatile int watched;
    private static final AtomicIntegerFieldUpdater<Delivery> WATCHED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "watched");
    Delivery(Scheduler scheduler, FrameSender sender) {
        this.scheduler = scheduler;
        this.sender = sender;
    }

    /** Whether the calling thread is the one delivering (or opening the session). */
    boolean isCurrentThread() {
        return thread == Thread.currentThread();
    }

    /** Runs {@code action} as the delivering thread (used for onOpen, which may send before reading starts). */
    void runAs(Runnable action) {
        Thread previous = thread;
        thread = Thread.currentThread();
        try {
            action.run();
        } finally {
            thread = previous;
        }
    }

    /** Parses {@code data} as the delivering thread; what its handlers held back is written at the end. */
    void parse(ByteBuffer data, java.util.function.Consumer<ByteBuffer> parser) {
        Thread previous = thread;
        thread = Thread.currentThread();
        burst = data;
        try {
            parser.accept(data);
        } finally {
            burst = null;
            endBurst();
            thread = previous;
        }
    }

    /**
     * Whether what the calling thread sends now waits for the end of the burst: it is the
     * delivering thread, and more of the same read follows. After queueing a frame held back, the
     * sender calls {@link #held()}.
     */
    boolean holdForBurst() {
        return isCurrentThread() && burst != null && burst.hasRemaining();
    }

    /**
     * A frame was queued and held back: the hold's clock starts, and the scheduler's watch looks at
     * it every tick. Started after the frame is queued, so a check that runs at once still finds it.
     */
    void held() {
        if (holdSince == 0) {
            holdSince = Math.max(1, scheduler.nanoTime());
        }
        if (WATCHED.compareAndSet(this, 0, 1)) {
            scheduler.watch().add(this); // itself the check: no object of its own per connection
        }
    }

    private void endBurst() {
        if (holdSince != 0) {
            holdSince = 0;
            sender.flushHeld();
        }
    }

    /** On the scheduler's thread, every tick while registered: writes a hold that lasted too long. */
    @Override
    public boolean test(long now) {
        long since = holdSince;
        if (since != 0 && now - since >= HOLD_LIMIT_NANOS) {
            holdSince = 0;
            sender.flushHeld();
            since = 0;
        }
        if (since != 0) {
            return false; // still holding, not for long yet
        }
        watched = 0;
        // A hold that began after the look above registered nothing (watched was still set): keep
        // this registration for it unless another one was made meanwhile.
        return holdSince == 0 || !WATCHED.compareAndSet(this, 0, 1);
    }
}
