package dev.ferry.nio;

import dev.ferry.transport.SerialCalls;
import dev.ferry.transport.TransportListener;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;

/**
 * Hands what a {@link NioTransport} reads to its listener, in order, and on the right thread.
 * Until the session starts the listener is the client's handshake reader, Ferry's own quick code,
 * called on the I/O thread. From then on it is the session's, called on worker threads inside the
 * connection's {@link CallbackContext}, one call at a time and in the order the bytes came.
 *
 * <p>Why not on the I/O thread: an application callback may block, typically waiting for a message
 * on another session of the same container (send on session B, wait for B's answer, from inside
 * A's {@code onMessage}). On the one I/O thread that answer could never be read.
 *
 * <p>Inline delivery: where the container allows it (server connections taken over from it), a
 * connection whose listener has run a number of times in a row briefly ({@link InlinePolicy}: 16
 * times in at most 200 µs) is from then on called right on the I/O thread, without the hand-off to a
 * worker (a thread wake-up and two context switches per read) and without copying what was read. A
 * run there that takes long (10 ms: the endpoint waited for something) sends the connection back to
 * the workers for good: a callback that blocks on the I/O thread holds up every connection of that
 * thread while it blocks.
 *
 * <p>The I/O thread may read on while a worker delivers; the bytes handed over and not yet taken
 * (the backlog) are bounded by {@link #BACKLOG_LIMIT}, past which the transport stops reading
 * until a worker has brought the backlog back under it and run the {@code drained} callback. The
 * queue of calls for the workers is {@link SerialCalls}'.
 */
final class InboundDelivery extends SerialCalls {

    /**
     * Bytes read and not yet taken by the listener, past which reading waits. Enough for a few
     * 64 KiB reads of a large message to queue while the worker parses; small enough that a slow
     * application holds little memory per connection.
     */
    static final int BACKLOG_LIMIT = 128 * 1024;

    private static final System.Logger LOG = System.getLogger(InboundDelivery.class.getName());

    private final CallbackContext context;
    private final HandOffBuffers buffers;
    private final Runnable drained;
    private final InlinePolicy policy;
    /** Short runs in a row on the workers; written by the worker of the moment, read by the I/O thread. */
    private volatile int shortRuns;
    /** A run on the I/O thread took long: this connection's callbacks may block, they stay on the workers. */
    private volatile boolean sawLongRun;
    /** Bytes handed to workers and not yet delivered (an updater, not an AtomicLong: 24 bytes less each). */
    private volatile long backlog;
    private static final AtomicLongFieldUpdater<InboundDelivery> BACKLOG =
            AtomicLongFieldUpdater.newUpdater(InboundDelivery.class, "backlog");
    /** The transport was told to stop reading and waits for {@link #drained}. */
    private volatile int stalled; // 1 = stalled; an updater, not an AtomicBoolean: idle connections stay small
    private static final AtomicIntegerFieldUpdater<InboundDelivery> STALLED =
            AtomicIntegerFieldUpdater.newUpdater(InboundDelivery.class, "stalled");

    // Confined to the I/O thread.
    private TransportListener listener;
    private boolean session;
    private boolean toldClosed;
    /** The session's listener runs on the I/O thread now. */
    private boolean inline;

    /**
     * @param policy  when a connection's callbacks may run on the I/O thread
     * @param drained run on a worker when the backlog fell back under the limit after
     *                {@link #data} had said to stop reading
     */
    InboundDelivery(Executor workers, CallbackContext context, HandOffBuffers buffers, InlinePolicy policy,
            Runnable drained) {
        super(workers);
        this.context = context;
        this.buffers = buffers;
        this.policy = policy;
        this.drained = drained;
    }

    /** Whether the session's listener runs on the I/O thread now. */
    boolean isInline() {
        return inline;
    }

    void handshake(TransportListener handshakeListener) {
        listener = handshakeListener;
    }

    void session(TransportListener sessionListener) {
        listener = sessionListener;
        session = true;
        toldClosed = false;
    }

    /** Bytes handed over and not yet taken. */
    long backlog() {
        return backlog;
    }

    boolean hasListener() {
        return listener != null;
    }

    /**
     * Hands {@code bytes} on. The handshake reader, and an inline session listener, consume them
     * before this returns; otherwise the session's listener gets a copy on a worker (the caller
     * reuses its buffer).
     *
     * @return true when the backlog is full: the caller reads no more until {@code drained} runs
     */
    boolean data(ByteBuffer bytes) {
        if (!session) {
            listener.onData(bytes);
            return false;
        }
        if (inline || mayGoInline()) {
            runInline(l -> l.onData(bytes));
            return false;
        }
        int size = bytes.remaining();
        ByteBuffer copy = buffers.copyOf(bytes);
        TransportListener target = listener;
        BACKLOG.addAndGet(this, size);
        submit(() -> {
            try {
                long start = System.nanoTime();
                target.onData(copy);
                countRun(System.nanoTime() - start);
                buffers.giveBack(copy); // the listener has taken every byte (not so if it failed)
            } finally {
                taken(size);
            }
        });
        return backlogFull();
    }

    /**
     * On a worker, after a run of the listener: a long one starts the count again (a first run
     * often pays one-off costs, so it does not rule inline delivery out). Runs are serial, so one
     * writer at a time.
     */
    private void countRun(long nanos) {
        shortRuns = nanos <= policy.shortNanos() ? shortRuns + 1 : 0;
    }

    /** Switches to inline delivery if the callbacks were short and nothing waits for a worker. */
    private boolean mayGoInline() {
        if (!policy.allowsInline() || sawLongRun || shortRuns < policy.shortRunsBeforeInline()) {
            return false;
        }
        if (!idle()) {
            return false; // a worker still has calls to make: they come first
        }
        inline = true;
        return true;
    }

    /**
     * I/O thread, from inside an inline run: the next calls go to the workers, for good, as after a
     * long run. Nothing is queued while inline, so they keep their order.
     */
    void leaveInline() {
        inline = false;
        sawLongRun = true;
    }

    /** Calls the listener on this (the I/O) thread, inside the connection's context. */
    private void runInline(Consumer<TransportListener> call) {
        long start = System.nanoTime();
        Object saved = context.enter();
        try {
            call.accept(listener);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "A Ferry callback failed", e);
        } finally {
            context.exit(saved);
        }
        if (System.nanoTime() - start > policy.longNanos()) {
            inline = false;
            sawLongRun = true;
        }
    }

    void endOfInput(Throwable failureOrNull) {
        tell(l -> l.onEndOfInput(failureOrNull));
    }

    /** Tells the listener once per listener that the transport is closed. */
    void closed() {
        if (listener != null && !toldClosed) {
            toldClosed = true;
            tell(TransportListener::onClosed);
        }
    }

    private void tell(Consumer<TransportListener> call) {
        TransportListener target = listener;
        if (session && inline) {
            runInline(call);
        } else if (session) {
            submit(() -> call.accept(target));
        } else {
            call.accept(target);
        }
    }

    private boolean backlogFull() {
        if (backlog < BACKLOG_LIMIT) {
            return false;
        }
        stalled = 1;
        // A worker may have taken it all between the two looks, before it could see the stall.
        return backlog >= BACKLOG_LIMIT || !STALLED.compareAndSet(this, 1, 0);
    }

    /** On a worker: the listener has taken {@code size} bytes. */
    private void taken(int size) {
        if (BACKLOG.addAndGet(this, -size) < BACKLOG_LIMIT && stalled == 1 && STALLED.compareAndSet(this, 1, 0)) {
            drained.run();
        }
    }

    /** On a worker, around a run of the queue: the connection's context (class loader, JNDI). */
    @Override
    protected Object enter() {
        return context.enter();
    }

    @Override
    protected void exit(Object entered) {
        context.exit(entered);
    }
}
