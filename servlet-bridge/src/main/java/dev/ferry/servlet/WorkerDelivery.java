package dev.ferry.servlet;

import dev.ferry.transport.SerialCalls;
import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Moves the engine's listener calls of one servlet-upgraded connection off the thread the container
 * reads on, onto worker threads: for containers that call the upgraded stream's {@code ReadListener}
 * on an I/O thread that serves many connections (Undertow's XNIO I/O threads), where an endpoint
 * that waits (for a database, a lock, another session's message) would stall every connection of
 * that thread.
 *
 * <p>What the transport contract asks of listener calls still holds: they never overlap and keep
 * their order (one queue, run by one worker at a time), and {@code onClosed} comes last, as the
 * reader makes it last. What was read is copied, since the reader reuses its buffer. The reader may
 * go on reading while a worker delivers, up to {@link #BACKLOG_LIMIT} bytes not yet taken; past it,
 * {@code hold} stops reading until a worker has taken the backlog back under the limit and run
 * {@code release}. The engine's own pause ({@code pauseReading}) still stops the reader; bytes
 * already handed over are delivered meanwhile, as with direct I/O.
 *
 * <p>The object's monitor (also {@link SerialCalls}' for its queue) guards the backlog and the hold flag, and {@code hold} (an atomic flag of
 * the reader, no I/O) runs under it so that a release can never come before its hold; listener
 * calls and {@code release} (which may read) run outside it.
 */
final class WorkerDelivery extends SerialCalls implements TransportListener {

    /**
     * Bytes read and not yet taken by the engine, past which reading waits: a few reads of a large
     * message may queue while a worker parses, and a slow application holds little per connection.
     */
    static final int BACKLOG_LIMIT = 128 * 1024;

    private final TransportListener target;
    private final Runnable hold;
    private final Runnable release;

    private long backlog;
    /** Reading was held for the backlog and waits for {@link #release}. */
    private boolean held;

    /**
     * @param workers runs each task bound to the web application
     * @param hold    stops the reader after its current read; called under this object's lock
     * @param release lets the reader go on; may read on the calling thread
     */
    WorkerDelivery(TransportListener target, Executor workers, Runnable hold, Runnable release) {
        super(workers);
        this.target = target;
        this.hold = hold;
        this.release = release;
    }

    @Override
    public void onData(ByteBuffer data) {
        int size = data.remaining();
        ByteBuffer copy = ByteBuffer.allocate(size).put(data).flip();
        synchronized (this) {
            backlog += size;
            if (backlog >= BACKLOG_LIMIT) {
                held = true;
                hold.run();
            }
        }
        submit(() -> {
            try {
                target.onData(copy);
            } finally {
                taken(size);
            }
        });
    }

    @Override
    public void onEndOfInput(Throwable failureOrNull) {
        submit(() -> target.onEndOfInput(failureOrNull));
    }

    @Override
    public void onClosed() {
        submit(target::onClosed);
    }

    /** Bytes handed over and not yet taken by the engine (for tests of the bound). */
    long backlog() {
        synchronized (this) {
            return backlog;
        }
    }

    /** On a worker: the engine took {@code size} bytes; reading goes on once the backlog is back under the limit. */
    private void taken(int size) {
        boolean resume;
        synchronized (this) {
            backlog -= size;
            resume = held && backlog < BACKLOG_LIMIT;
            if (resume) {
                held = false;
            }
        }
        if (resume) {
            release.run();
        }
    }
}
