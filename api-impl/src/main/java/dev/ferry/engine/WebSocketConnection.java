package dev.ferry.engine;

import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.frame.CloseCodes;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.engine.frame.WebSocketException;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One WebSocket connection at the protocol level: bytes in through the parser and the assembler,
 * frames out through the sender, the close handshake, and the connection's timers.
 *
 * <p>Every way a connection can end (close handshake from either side, protocol violation,
 * transport failure, timeout) funnels into {@link #finish}, which tells the listener exactly once.
 */
public final class WebSocketConnection implements TransportListener, ControlFrameListener, ConnectionTimers.Actions {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    /** The payload of keep-alive pings; their pongs are not shown to the application. */
    private static final byte[] KEEP_ALIVE = "ferry-keepalive".getBytes(StandardCharsets.US_ASCII);

    private enum State { OPEN, CLOSE_SENT, CLOSED }

    private final Transport transport;
    private final ConnectionListener listener;
    private final MessageSinks sinks;
    private final FrameParser parser;
    private final MessageAssembler assembler;
    final FrameSender sender; // package-private, as are timers and counters: SharedFrame queues on them
    final ConnectionTimers timers;
    private final PerMessageDeflate deflate;
    final ConnectionCounters counters;

    // The connection's monitor guards state changes (a lock object of its own would cost every connection 16 bytes).
    /** Guarded by this for changes; volatile so the read path can test it without the lock. */
    private volatile State state = State.OPEN;
    /** How the connection ends, once a close frame was sent or received (0 until then). */
    private int outcomeCode;
    private String outcomeReason;

    /** 1 once the listener was told how the connection ended (an updater, not an AtomicBoolean: 16 bytes less each). */
    private volatile int finished;
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "finished");
    private final Delivery delivery;

    /**
     * @param listener the session: limits, failures, the end
     * @param sinks    where messages and pongs go
     * @param maskKeys where a client's mask keys come from ({@code null} on the server)
     * @param deflate  permessage-deflate as negotiated, or {@code null}
     * @param counters where traffic and failures are counted
     * @param buffers  where the arrays of large inbound messages come from
     */
    public WebSocketConnection(Transport transport, ConnectionListener listener, MessageSinks sinks, ConnectionSettings settings,
            Random maskKeys, Scheduler scheduler, PerMessageDeflate deflate, ConnectionCounters counters,
            MessageBufferPool buffers) {
        this.transport = transport;
        this.listener = listener;
        this.sinks = sinks;
        this.deflate = deflate;
        this.counters = counters;
        this.assembler = new MessageAssembler(this, listener, sinks,
                deflate == null ? null : deflate.inflater(), counters, buffers);
        this.parser = new FrameParser(settings.server(), assembler);
        this.parser.setMaxFrameSize(settings.maxFrameSize());
        this.parser.setAllowedRsv(deflate == null ? 0 : PerMessageDeflate.RSV);
        // A frame held back for a burst gets its hold limit once queued (see Delivery).
        this.sender = new FrameSender(transport, !settings.server(), maskKeys, settings.maxQueuedBytes(), counters,
                this::heldForBurst);
        this.timers = new ConnectionTimers(scheduler, this, settings.closeTimeoutMillis());
        this.delivery = new Delivery(scheduler, sender);
    }

    /** Starts reading. Frames sent before this are queued by the transport. */
    public void start() {
        transport.start(this);
    }

    /**
     * Whether the calling thread is the one delivering inbound messages (or opening the session).
     * A blocking send on it must not wait for the transport: the container would not tell it
     * "writable" until this thread returns.
     */
    public boolean isDeliveringThread() {
        return delivery.isCurrentThread();
    }

    /** Runs {@code action} as if delivering (used for onOpen, which may send before reading starts). */
    public void runAsDelivering(Runnable action) {
        delivery.runAs(action);
    }

    private void heldForBurst() {
        delivery.held();
    }

    /** {@code callback}, made to keep a lent message's array from its pool until this send of it is done. */
    public SendCallback trackLent(ByteBuffer payload, SendCallback callback) {
        return assembler.trackLent(payload, callback);
    }

    /** See {@link Transport#deliveringThreadMayWait(int)}. */
    public boolean deliveringThreadMayWait(int applicationBytes) {
        return transport.deliveringThreadMayWait(applicationBytes);
    }

    public boolean isOpen() {
        return state == State.OPEN; // volatile; the lock only orders changes
    }

    /** permessage-deflate as negotiated, or {@code null}. */
    public PerMessageDeflate deflate() {
        return deflate;
    }

    /** Drops the connection at once, without a close frame and without waiting for the peer. */
    public void abort() {
        transport.close(true);
    }

    // ---- sending ------------------------------------------------------------------------------

    public void sendData(int opcode, boolean fin, ByteBuffer payload, SendCallback callback) {
        sendData(opcode, fin, 0, payload, callback);
    }

    public void sendData(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback) {
        if (!isOpen()) {
            callback.done(new IOException("The WebSocket session is closed; nothing more can be sent"));
            return;
        }
        if (!callback.callerWaits() && sender.isOverLimit()) {
            // Nobody waits for this send (async, or the delivering thread, which must not wait),
            // so what is sent while the peer reads nothing would pile up without end: refuse it.
            callback.done(new IOException("The peer is not reading: more than " + sender.maxQueuedBytes()
                    + " bytes wait to be sent (dev.ferry.maxOutboundBytes); message not sent"));
            if (rsv != 0) {
                // The compressor already took this message in; the peer's decompressor never will.
                transport.close(true);
            }
            return;
        }
        timers.touch();
        if (fin && !Opcode.isControl(opcode)) {
            counters.messageSent();
        }
        // A sender that waits for its frame is never held back: it would wait for the burst's end.
        sender.send(opcode, fin, rsv, payload, callback, !callback.callerWaits() && delivery.holdForBurst());
    }

    public void sendControl(int opcode, ByteBuffer payload, SendCallback callback) {
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException("A ping or pong carries at most 125 bytes, not " + payload.remaining());
        }
        sendData(opcode, true, payload, callback);
    }

    /**
     * Starts the close handshake from this side.
     *
     * @return false when the connection was already closing (nothing was sent)
     */
    public boolean close(int code, String reason) {
        return close(code, reason, code, reason);
    }

    /**
     * Starts the close handshake from this side: the peer gets {@code wireCode}, the listener's
     * onClosed gets {@code localCode} at once (as other implementations do, and the TCK checks),
     * and the connection waits for the peer's answer only to close TCP cleanly.
     *
     * @return false when the connection was already closing (nothing was sent)
     */
    public boolean close(int wireCode, String wireReason, int localCode, String localReason) {
        synchronized (this) {
            if (state != State.OPEN) {
                return false;
            }
            state = State.CLOSE_SENT;
            outcomeCode = localCode;
            outcomeReason = localReason;
        }
        // A code that may not travel (1005, 1006, 1015, reserved ones) closes without a status.
        int sendable = CloseCodes.isValidOnWire(wireCode) ? wireCode : CloseCodes.NO_STATUS;
        sender.sendClose(CloseFrames.encodePayload(sendable, wireReason), failure -> {
            if (failure != null) {
                transport.close(true);
            }
        }, delivery.holdForBurst());
        timers.armCloseTimer();
        finish(localCode, localReason);
        return true;
    }

    // ---- timers -------------------------------------------------------------------------------

    /** Closes the session after {@code millis} without traffic (0 = never). */
    public void setIdleTimeout(long millis) {
        timers.setIdleTimeout(millis);
    }

    /**
     * Pings the peer every {@code intervalMillis} and closes the connection (1001) when a pong does
     * not come back within {@code pongTimeoutMillis}.
     */
    public void startKeepAlive(long intervalMillis, long pongTimeoutMillis) {
        timers.startKeepAlive(intervalMillis, pongTimeoutMillis);
    }

    @Override
    public void idleTimedOut(long timeoutMillis) {
        // The peer is told "going away"; the endpoint learns the connection was lost (1006), as
        // the specification asks for a timeout.
        String why = "Idle timeout of " + timeoutMillis + " ms expired";
        close(CloseCodes.GOING_AWAY, why, CloseCodes.ABNORMAL, why);
    }

    @Override
    public void sendKeepAlivePing() {
        if (isOpen()) {
            sender.send(Opcode.PING, true, ByteBuffer.wrap(KEEP_ALIVE), SendCallback.IGNORE);
        }
    }

    @Override
    public void pongTimedOut(long pongTimeoutMillis) {
        if (isOpen()) {
            fail(CloseCodes.GOING_AWAY, "No pong within " + pongTimeoutMillis + " ms (dev.ferry.pongTimeout)");
        }
    }

    @Override
    public void closeTimedOut() {
        transport.close(true);
        finishLocally();
    }

    @Override
    public void closeWithoutWaiting() {
        transport.close(false);
    }

    // ---- inbound ------------------------------------------------------------------------------

    @Override
    public void onData(ByteBuffer data) {
        // After our close frame, input is still read for the peer's answer; after theirs, not.
        if (state == State.CLOSED) {
            data.position(data.limit());
            return;
        }
        timers.touch();
        counters.bytesReceived(data.remaining());
        try {
            delivery.parse(data, parser::parse);
        } catch (WebSocketException e) {
            fail(e.closeCode(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Internal failure while reading a WebSocket connection; closing it with 1011", e);
            fail(CloseCodes.INTERNAL_ERROR, "Internal error");
        } finally {
            data.position(data.limit());
        }
    }

    @Override
    public void onEndOfInput(Throwable failureOrNull) {
        transport.close(true);
        String why = failureOrNull == null ? "The peer closed the connection without a close frame"
                : "The connection failed: " + failureOrNull.getMessage();
        markClosed(CloseCodes.ABNORMAL, why); // from OPEN: the outcome is 1006; after a close frame, that one's
        finishLocally();
    }

    @Override
    public void onClosed() {
        markClosed(0, null); // no outcome of its own: below, 1006 unless a close frame gave one
        timers.stopAll();
        if (deflate != null) {
            deflate.release();
        }
        finishLocally();
        if (finished == 0) {
            finish(CloseCodes.ABNORMAL, "The connection was closed");
        }
        listener.onTransportClosed();
    }

    @Override
    public boolean deliversMessages() {
        // Messages that arrive after our close frame are read and dropped: the endpoint is closed.
        return state == State.OPEN;
    }

    @Override
    public void onPing(ByteBuffer payload) {
        if (isOpen()) {
            sender.send(Opcode.PONG, true, 0, copy(payload), SendCallback.IGNORE, delivery.holdForBurst());
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        // Any pong shows the peer is alive; the answer to our own keep-alive stays ours.
        timers.pongReceived();
        if (payload.equals(ByteBuffer.wrap(KEEP_ALIVE)) || state != State.OPEN) {
            return;
        }
        PongSink sink = sinks.pongSink();
        if (sink != null) {
            try {
                sink.onPong(copy(payload));
            } catch (Exception e) {
                listener.onApplicationError(e);
            }
        }
    }

    @Override
    public void onCloseFrame(CloseFrames.CloseInfo close) {
        State before = markClosed(close.code(), close.reason());
        if (before == State.OPEN) {
            // Echo the peer's code, then end TCP once the echo is written (the server closes first).
            sender.sendClose(CloseFrames.encodePayload(close.code(), ""), failure -> transport.close(failure != null),
                    false);
            timers.armCloseTimer();
            finish(close.code(), close.reason());
        } else {
            transport.close(false);
            finishLocally();
        }
    }

    /** Fails the connection: a close frame with {@code code}, then TCP closes once it is written. */
    private void fail(int code, String reason) {
        State before = markClosed(code, reason);
        if (before == State.OPEN) {
            counters.closedOnError(code);
            sender.sendClose(CloseFrames.encodePayload(code, reason), failure -> transport.close(failure != null),
                    false);
            timers.armCloseTimer();
        } else {
            transport.close(true);
        }
        finish(code, reason);
    }

    /** Closes the state; a close from OPEN records how the connection ends. Returns the state before. */
    private synchronized State markClosed(int code, String reason) {
        State before = state;
        state = State.CLOSED;
        if (before == State.OPEN) {
            outcomeCode = code;
            outcomeReason = reason;
        }
        return before;
    }

    private void finishLocally() {
        int code;
        String reason;
        synchronized (this) {
            code = outcomeCode;
            reason = outcomeReason;
        }
        if (code != 0) {
            finish(code, reason);
        }
    }

    private void finish(int code, String reason) {
        if (!FINISHED.compareAndSet(this, 0, 1)) {
            return;
        }
        timers.stopSessionTimers();
        listener.onClosed(code, reason == null ? "" : reason);
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.duplicate()).flip();
        return copy;
    }
}
