package dev.ferry.nio;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server container's selector threads for connections Ferry took over from the servlet
 * container ({@link NioTransport#adopt}). They start with the first such connection, so an
 * application that never gets one costs no thread, and each connection stays on the loop it was
 * given (round robin) for its whole life.
 */
public final class IoLoops {

    private final String threadNamePrefix;
    private final int size;
    private final AtomicInteger next = new AtomicInteger();
    private final Object lock = new Object();
    private SelectorLoop[] loops;
    private boolean stopped;

    public IoLoops(String threadNamePrefix, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("At least one I/O thread is needed, not " + size);
        }
        this.threadNamePrefix = threadNamePrefix;
        this.size = size;
    }

    /**
     * The loop for a new connection, starting the threads if none runs yet.
     *
     * @throws IllegalStateException once {@link #stop} was called
     */
    public SelectorLoop next() throws IOException {
        SelectorLoop[] running;
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("The WebSocket container has been shut down");
            }
            if (loops == null) {
                loops = start();
            }
            running = loops;
        }
        return running[Math.floorMod(next.getAndIncrement(), running.length)];
    }

    private SelectorLoop[] start() throws IOException {
        SelectorLoop[] started = new SelectorLoop[size];
        try {
            for (int i = 0; i < size; i++) {
                started[i] = new SelectorLoop(threadNamePrefix + "-" + (i + 1));
                started[i].start();
            }
        } catch (IOException e) {
            for (SelectorLoop loop : started) {
                if (loop != null) {
                    loop.stop(0);
                }
            }
            throw e;
        }
        return started;
    }

    /**
     * Closes every connection still on the loops and ends their threads, waiting up to
     * {@code waitMillis} in all. Idempotent; {@link #next} fails afterwards.
     */
    public void stop(long waitMillis) {
        SelectorLoop[] running;
        synchronized (lock) {
            stopped = true;
            running = loops;
            loops = null;
        }
        if (running == null) {
            return;
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        for (SelectorLoop loop : running) {
            loop.stop(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        }
    }
}
