package dev.ferry.nio;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's listener calls on the container's worker threads, one at a time and in
 * the order they were submitted.
 *
 * <p>Why not on the I/O thread: an application callback may block, typically waiting for a
 * message on another session of the same container (send on session B, wait for B's answer,
 * from inside A's {@code onMessage}). On the one I/O thread that answer could never be read.
 *
 * <p>The lock guards only the queue and the running flag; tasks run outside it.
 */
final class SerialDelivery {

    private static final System.Logger LOG = System.getLogger(SerialDelivery.class.getName());

    private final Executor workers;
    private final CallbackContext context;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialDelivery(Executor workers, CallbackContext context) {
        this.workers = workers;
        this.context = context;
    }

    /** Queues {@code task} after everything submitted before it. */
    void submit(Runnable task) {
        synchronized (lock) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The container is shutting down: the caller's thread is the only one left to tell the listener.
            drain();
        }
    }

    private void drain() {
        Object saved = context.enter();
        try {
            runQueued();
        } finally {
            context.exit(saved);
        }
    }

    private void runQueued() {
        while (true) {
            Runnable task;
            synchronized (lock) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "A Ferry callback failed", e);
            }
        }
    }
}
