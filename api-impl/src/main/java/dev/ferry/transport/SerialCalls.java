package dev.ferry.transport;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a connection's listener calls on a pool of workers one at a time, in the order they were
 * submitted: the transport contract's "never overlapping, in order" for a transport whose reading
 * thread hands its calls to workers (Ferry's I/O threads, a container's I/O thread).
 *
 * <p>A base class rather than an object of its own: one per connection, and an idle connection
 * should not carry another object. The object's monitor guards the queue and the running flag
 * (a subclass may guard its own state with it too); calls run outside it.
 */
public abstract class SerialCalls {

    private static final System.Logger LOG = System.getLogger(SerialCalls.class.getName());

    private final Executor workers;
    /** Small to start with: an idle connection queues nothing, a busy one grows it. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(2);
    /** A worker is running the queue. */
    private boolean running;

    protected SerialCalls(Executor workers) {
        this.workers = workers;
    }

    /** Queues {@code call} after everything submitted before it. */
    protected final void submit(Runnable call) {
        synchronized (this) {
            queue.add(call);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            workers.execute(this::runQueued);
        } catch (RejectedExecutionException e) {
            // The container is stopping: the calling thread is the only one left to make the calls.
            LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: the worker pool refused a callback; running it here", e);
            runQueued();
        }
    }

    /** Whether no call waits and none runs. */
    protected final synchronized boolean idle() {
        return !running && queue.isEmpty();
    }

    /** On the worker, before it runs the queue: e.g. enters the application's context. */
    protected Object enter() {
        return null;
    }

    /** On the worker, after it ran the queue: undoes {@link #enter}, given what it returned. */
    protected void exit(Object entered) {
    }

    /** On a worker: runs the queue until it is empty. */
    private void runQueued() {
        Object entered = enter();
        try {
            while (true) {
                Runnable call;
                synchronized (this) {
                    call = queue.poll();
                    if (call == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    call.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.ERROR, "Ferry WebSocket: a callback failed on a worker thread", e);
                }
            }
        } finally {
            exit(entered);
        }
    }
}
