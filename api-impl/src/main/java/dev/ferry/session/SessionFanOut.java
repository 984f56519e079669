package dev.ferry.session;

import dev.ferry.engine.SendCallback;
import dev.ferry.engine.SharedFrame;
import dev.ferry.engine.WebSocketConnection;
import dev.ferry.message.EncoderSet;
import jakarta.websocket.EncodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a broadcast needs of one server session: queue a {@link SharedMessage} through the
 * session's own send queue, flush what it deferred, encode an object with the session's encoders,
 * and hear of the session's end.
 */
public final class SessionFanOut {

    private final FerrySession session;
    private final WebSocketConnection connection;
    private final MessageSender sender;
    private final EncoderSet encoders;
    private final boolean server;
    /** Told once when the session ends; null once it has (guarded by {@code this}). */
    private List<Runnable> endListeners = new ArrayList<>(1);

    SessionFanOut(FerrySession session, WebSocketConnection connection, MessageSender sender, EncoderSet encoders,
            boolean server) {
        this.session = session;
        this.connection = connection;
        this.sender = sender;
        this.encoders = encoders;
        this.server = server;
    }

    public FerrySession session() {
        return session;
    }

    /** Whether this is a server session: only those take shared frames (a client masks each frame). */
    public boolean isServer() {
        return server;
    }

    /**
     * Queues {@code message} behind what the session queued before, as a send nobody waits for.
     *
     * @param defer leave it unwritten until {@link #flush} (or the session's next send)
     * @return false when more than the session's outbound limit already waits: nothing was queued
     *         and {@code callback} is not called. A closed session fails {@code callback}.
     */
    public boolean queue(SharedMessage message, SendCallback callback, boolean defer) {
        return sender.sendShared(message, callback, defer);
    }

    /** Writes what {@link #queue} deferred, unless a write is in flight (whose completion writes it). */
    public void flush() {
        SharedFrame.flushQueued(connection);
    }

    /** {@code object} as the session's encoders (and the built-in conversions) turn it into a message. */
    public EncoderSet.Encoded encode(Object object) throws EncodeException, IOException {
        return encoders.encode(object);
    }

    /** Runs {@code listener} once when the session ends (its onClose has run), or now if it has. */
    public void onEnd(Runnable listener) {
        synchronized (this) {
            if (endListeners != null) {
                endListeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    /** The session ended: tells the listeners, once. */
    void ended() {
        List<Runnable> listeners;
        synchronized (this) {
            listeners = endListeners;
            endListeners = null;
        }
        if (listeners != null) {
            listeners.forEach(Runnable::run);
        }
    }
}
