package dev.ferry.engine;

import java.nio.ByteBuffer;

/**
 * Which thread is delivering a connection's messages now, and what it sends meanwhile. That thread
 * must never wait for the peer (a container would not tell the connection "writable" before the
 * thread returns), and it is the one whose sends are batched: what its handlers send while more of
 * the same read is still to be parsed is held back, so that the answers to a burst of messages
 * leave in one gathered write at the burst's end. A lone message, or a burst's last one, is
 * written at once; and what is held is written after {@link #HOLD_LIMIT_MILLIS} anyway, so a
 * handler that waits for its own send to complete in the middle of a burst waits no longer.
 */
final class Delivery {

    /** How long answers to a burst may wait for the burst's end. */
    static final long HOLD_LIMIT_MILLIS = 1;

    private final Scheduler scheduler;
    private final FrameSender sender;
    private volatile Thread thread;
    /** The bytes being parsed now; touched by the delivering thread only. */
    private ByteBuffer burst;
    /** Writes what the burst holds back if the burst takes too long; delivering thread only. */
    private HoldLimit holdLimit;

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
     * caller calls {@link #held()}.
     */
    boolean holdForBurst() {
        return isCurrentThread() && burst != null && burst.hasRemaining();
    }

    /**
     * A frame was queued and held back: makes sure a hold limit runs for it. Armed after the
     * frame is queued, so a limit that runs at once still finds it.
     */
    void held() {
        if (holdLimit != null && !holdLimit.fired) {
            return;
        }
        holdLimit = new HoldLimit();
        holdLimit.timer = scheduler.schedule(holdLimit, HOLD_LIMIT_MILLIS);
        if (holdLimit.timer == null) {
            sender.flushHeld(); // no timer left (the container stopped): hold nothing
        }
    }

    private void endBurst() {
        HoldLimit limit = holdLimit;
        if (limit != null) {
            holdLimit = null;
            if (limit.timer != null) {
                limit.timer.cancel();
            }
            sender.flushHeld();
        }
    }

    /** Writes what a burst held back once {@link #HOLD_LIMIT_MILLIS} have passed; armed again for what comes later. */
    private final class HoldLimit implements Runnable {
        volatile boolean fired;
        Scheduler.Cancellable timer;

        @Override
        public void run() {
            fired = true;
            sender.flushHeld();
        }
    }
}
