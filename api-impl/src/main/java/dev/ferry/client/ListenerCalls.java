package dev.ferry.client;

import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Who hears what a {@link NioTransport} reads, and on which thread. Until the session starts the
 * listener is the handshake reader, Ferry's own quick code, called on the I/O thread; from then on
 * it is the session's, called on worker threads through a {@link SerialDelivery}, in order. Used
 * on the I/O thread only.
 */
final class ListenerCalls {

    private final SerialDelivery delivery;
    private TransportListener listener;
    private boolean session;
    private boolean toldClosed;

    ListenerCalls(Executor workers) {
        this.delivery = new SerialDelivery(workers);
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
     * session's listener gets a copy on a worker (the caller may reuse its buffer), after which
     * {@code returned} runs on that worker.
     *
     * @return true when the bytes went to a worker: the caller reads no more until {@code returned}
     */
    boolean data(ByteBuffer bytes, Runnable returned) {
        if (!session) {
            listener.onData(bytes);
            return false;
        }
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
        TransportListener target = listener;
        delivery.submit(() -> {
            try {
                target.onData(copy);
            } finally {
                returned.run();
            }
        });
        return true;
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
