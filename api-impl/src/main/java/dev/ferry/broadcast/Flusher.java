package dev.ferry.broadcast;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes what a broadcast queued unwritten. A small fan-out is written by the publishing thread
 * once it has let go of the topic; a large one is handed, in chunks, to the {@code ferry-broadcast}
 * threads, and the publisher goes on at once. While they write, later messages queue behind on the
 * sessions not reached yet, and each session's next write then carries them all: under a steady
 * stream a connection takes several messages per system call, which the usual loop over sessions
 * (one write per message and session) cannot do. Each subscriber is in at most one chunk at a time
 * (see {@link Subscriber#offer}); at most {@link #BACKLOG} chunks wait, and past that the publisher
 * writes its chunks itself. What the publisher queues ahead of the writing does not make a
 * subscriber slow (only what its peer has not taken does), up to a cap ({@link Subscriber#OVERLOAD}).
 */
final class Flusher implements Executor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Flusher.class.getName());
    /** Up to this many sessions, the publishing thread writes itself: a hand-off costs more. */
    static final int INLINE_LIMIT = 16;
    /** Sessions per task on the flushing threads. */
    static final int CHUNK = 256;
    /** Chunks that may wait for a flushing thread. */
    static final int BACKLOG = 1024;

    private final int threads;
    private final ClassLoader applicationClassLoader;
    private ThreadPoolExecutor executor;
    private boolean closed;

    Flusher(int threads, ClassLoader applicationClassLoader) {
        this.threads = threads;
        this.applicationClassLoader = applicationClassLoader;
    }

    /** Writes to the first {@code count} of {@code subscribers}, here or on the flushing threads. */
    void flush(Subscriber[] subscribers, int count) {
        if (count <= INLINE_LIMIT) {
            flushAll(subscribers, 0, count);
            return;
        }
        for (int from = 0; from < count; from += CHUNK) {
            Subscriber[] chunk = Arrays.copyOfRange(subscribers, from, Math.min(count, from + CHUNK));
            execute(() -> flushAll(chunk, 0, chunk.length));
        }
    }

    private static void flushAll(Subscriber[] subscribers, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                subscribers[i].flush();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: writing a broadcast to " + subscribers[i].fanOut.session()
                        + " failed", e);
            }
        }
    }

    /** Runs {@code task} on a flushing thread (started on first use); after {@link #close}, here. */
    @Override
    public void execute(Runnable task) {
        Executor target;
        synchronized (this) {
            if (!closed && executor == null) {
                executor = start();
            }
            target = closed ? Runnable::run : executor;
        }
        target.execute(task);
    }

    private ThreadPoolExecutor start() {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
            Thread t = new Thread(r, "ferry-broadcast-" + number.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(applicationClassLoader);
            return t;
        }, (task, pool) -> task.run()); // the backlog is full (or the pool shut down): the caller writes itself
    }

    /** Lets the tasks queued finish (within a second) and ends the threads. */
    @Override
    public void close() {
        ThreadPoolExecutor running;
        synchronized (this) {
            closed = true;
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(1, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
