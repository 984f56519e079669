package dev.ferry.nio;

import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Who hears what a {@link NioTransport} reads, and on which thread. Until the session starts the
 * listener is the handshake reader, Ferry's own quick code, called on the I/O thread; from then on
 * it is the session's, called on worker threads through a {@link SerialDelivery}, in order. Used
 * on the I/O thread only, apart from what the workers do when they have taken bytes.
 *
 * <p>The I/O thread may read on while a worker delivers; the bytes handed over and not yet taken
 * (the backlog) are bounded by {@link #BACKLOG_LIMIT}, past which the transport stops reading
 * until a worker has brought the backlog back under it and run the {@code drained} callback.
 */
final class ListenerCalls {

    /**
     * Bytes read and not yet taken by the listener, past which reading waits. Enough for a few
     * 64 KiB reads of a large message to queue while the worker parses; small enough that a slow
     * application holds little memory per connection.
     */
    static final int BACKLOG_LIMIT = 128 * 1024;

    private final SerialDelivery delivery;
    private final Runnable drained;
    private final AtomicLong backlog = new AtomicLong();
    /** The transport was told to stop reading and waits for {@link #drained}. */
    private final AtomicBoolean stalled = new AtomicBoolean();
    private TransportListener listener;
    private boolean session;
    private boolean toldClosed;

    /**
     * @param drained run on a worker when the backlog fell back under the limit after
     *                {@link #data} had said to stop reading
     */
    ListenerCalls(Executor workers, CallbackContext context, Runnable drained) {
        this.delivery = new SerialDelivery(workers, context);
        this.drained = drained;
    }

    void handshake(TransportListener handshakeListener) {
        listener = handshakeListener;
    }

    void session(TransportListener sessionListener) {
        listener = sessionListener;
        session = true;
        toldClosed = false;
    }

    boolean isSet() {
        return listener != null;
    }

    boolean isSession() {
        return session;
    }

    /**
     * Hands {@code bytes} on. The handshake reader consumes them before this returns; the
     * session's listener gets a copy on a worker (the caller may reuse its buffer).
     *
     * @return true when the backlog is full: the caller reads no more until {@code drained} runs
     */
    boolean data(ByteBuffer bytes) {
        if (!session) {
            listener.onData(bytes);
            return false;
        }
        int size = bytes.remaining();
        ByteBuffer copy = ByteBuffer.allocate(size).put(bytes).flip();
        TransportListener target = listener;
        backlog.addAndGet(size);
        delivery.submit(() -> {
            try {
                target.onData(copy);
            } finally {
                taken(size);
            }
        });
        return backlogFull();
    }

    private boolean backlogFull() {
        if (backlog.get() < BACKLOG_LIMIT) {
            return false;
        }
        stalled.set(true);
        // A worker may have taken it all between the two looks, before it could see the stall.
        return backlog.get() >= BACKLOG_LIMIT || !stalled.compareAndSet(true, false);
    }

    /** On a worker: the listener has taken {@code size} bytes. */
    private void taken(int size) {
        if (backlog.addAndGet(-size) < BACKLOG_LIMIT && stalled.get() && stalled.compareAndSet(true, false)) {
            drained.run();
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
        if (session) {
            delivery.submit(() -> call.accept(target));
        } else {
            call.accept(target);
        }
    }
}
