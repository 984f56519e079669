package dev.ferry.session;

import dev.ferry.engine.SendCallback;
import dev.ferry.engine.WebSocketConnection;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What both remote endpoints share: pings, pongs and batching. Batching is accepted and ignored
 * (the specification allows that): the sender already gathers queued frames into one write.
 */
abstract class FerryRemote implements RemoteEndpoint {

    final FerrySession session;
    final MessageSender sender;
    private volatile boolean batchingAllowed;

    FerryRemote(FerrySession session, MessageSender sender) {
        this.session = session;
        this.sender = sender;
    }

    /** Runs one send of Ferry's own bytes and waits for it, unless the caller is the delivering thread. */
    final void sendAndWait(SendAction action) throws IOException {
        sendAndWait(action, 0);
    }

    /**
     * Runs one send and waits for it ({@code applicationBytes}: the size of the application's own
     * buffer it sends, 0 when the bytes are Ferry's). The delivering thread does not wait (see
     * {@link WebSocketConnection#isDeliveringThread()}), except for a payload that is the
     * application's own buffer where the transport lets it wait: then waiting costs less than the
     * copy that would let it return at once.
     */
    final void sendAndWait(SendAction action, int applicationBytes) throws IOException {
        WebSocketConnection connection = session.connection();
        boolean waits = !connection.isDeliveringThread()
                || applicationBytes > 0 && connection.deliveringThreadMayWait(applicationBytes);
        BlockingSend send = new BlockingSend(waits);
        action.send(send);
        if (!waits) {
            send.rethrowFailure();
        } else {
            try {
                send.await(session.sendTimeoutMillis());
            } catch (java.net.SocketTimeoutException e) {
                // A frame may be half written: the connection cannot carry another message.
                session.abort(e);
                throw e;
            }
        }
    }

    @FunctionalInterface
    interface SendAction {
        void send(SendCallback callback) throws IOException;
    }

    @Override
    public void setBatchingAllowed(boolean allowed) {
        batchingAllowed = allowed;
    }

    @Override
    public boolean getBatchingAllowed() {
        return batchingAllowed;
    }

    @Override
    public void flushBatch() {
        // Nothing is held back: frames are written as soon as the transport takes them.
    }

    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
        // At most 125 bytes: the delivering thread sends a copy rather than wait.
        checkControl(applicationData);
        sendAndWait(cb -> sender.sendPing(applicationData, cb));
    }

    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
        checkControl(applicationData);
        sendAndWait(cb -> sender.sendPong(applicationData, cb));
    }

    private static void checkControl(ByteBuffer data) {
        if (data == null) {
            throw new IllegalArgumentException("applicationData must not be null");
        }
        if (data.remaining() > 125) {
            throw new IllegalArgumentException("A ping or pong carries at most 125 bytes, not " + data.remaining());
        }
    }

    static <T> T requireArgument(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
