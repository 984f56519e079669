package dev.ferry.session;

import dev.ferry.extension.deflate.PerMessageDeflate;
import dev.ferry.frame.CloseCodes;
import dev.ferry.frame.CloseFrames;
import dev.ferry.frame.FrameParser;
import dev.ferry.frame.Opcode;
import dev.ferry.frame.WebSocketException;
import dev.ferry.message.BinarySink;
import dev.ferry.message.PongSink;
import dev.ferry.message.TextSink;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection at the protocol level: bytes in through the parser and the assembler,
 * frames out through the sender, the close handshake, and the idle and close timers.
 *
 * <p>Every way a connection can end (close handshake from either side, protocol violation,
 * transport failure, timeout) funnels into {@link #finish}, which reports to the session exactly
 * once.
 */
final class WebSocketConnection implements TransportListener, InboundReceiver {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    private enum State { OPEN, CLOSE_SENT, CLOSED }

    private final Transport transport;
    private final ConnectionEvents events;
    private final FrameParser parser;
    private final FrameSender sender;
    private final ScheduledExecutorService timers;
    private final long closeTimeoutMillis;
    private final PerMessageDeflate deflate;
    private final SessionCounters counters;

    private final Object stateLock = new Object();
    /** Guarded by stateLock for changes; volatile so the read path can test it without the lock. */
    private volatile State state = State.OPEN;
    /** How the connection ends, once a close frame was sent or received (0 until then). */
    private int outcomeCode;
    private String outcomeReason;

    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Thread deliveringThread;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long idleTimeoutMillis;
    private volatile ScheduledFuture<?> idleTimer;
    private volatile ScheduledFuture<?> closeTimer;
    private volatile ScheduledFuture<?> keepAliveTimer;
    /** When the keep-alive ping now awaiting its pong was sent (0 = none outstanding). */
    private volatile long pingSentNanos;

    /** The payload of keep-alive pings; their pongs are not shown to the application. */
    private static final byte[] KEEP_ALIVE = "ferry-keepalive".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * @param deflate  permessage-deflate as negotiated, or {@code null}
     * @param counters where traffic and failures are counted
     */
    WebSocketConnection(Transport transport, ConnectionEvents events, boolean server, Random maskKeys,
            long maxFrameSize, long maxQueuedBytes, long closeTimeoutMillis, ScheduledExecutorService timers,
            PerMessageDeflate deflate, SessionCounters counters) {
        this.transport = transport;
        this.events = events;
        this.deflate = deflate;
        this.counters = counters;
        this.parser = new FrameParser(server,
                new MessageAssembler(this, deflate == null ? null : deflate.inflater(), counters));
        this.parser.setMaxFrameSize(maxFrameSize);
        this.parser.setAllowedRsv(deflate == null ? 0 : PerMessageDeflate.RSV);
        this.sender = new FrameSender(transport, !server, maskKeys, maxQueuedBytes, counters);
        this.closeTimeoutMillis = closeTimeoutMillis;
        this.timers = timers;
    }

    /** Starts reading. Frames sent before this are queued by the transport. */
    void start() {
        transport.start(this);
    }

    Transport transport() {
        return transport;
    }

    /**
     * Whether the calling thread is the one delivering inbound messages (or opening the session).
     * A blocking send on it must not wait for the transport: the container would not tell it
     * "writable" until this thread returns.
     */
    boolean isDeliveringThread() {
        return deliveringThread == Thread.currentThread();
    }

    /** Runs {@code action} as if delivering (used for onOpen, which may send before reading starts). */
    void runAsDelivering(Runnable action) {
        Thread previous = deliveringThread;
        deliveringThread = Thread.currentThread();
        try {
            action.run();
        } finally {
            deliveringThread = previous;
        }
    }

    boolean isOpen() {
        return state == State.OPEN; // volatile; the lock only orders changes
    }

    // ---- sending ------------------------------------------------------------------------------

    PerMessageDeflate deflate() {
        return deflate;
    }

    void sendData(int opcode, boolean fin, ByteBuffer payload, SendCallback callback) {
        sendData(opcode, fin, 0, payload, callback);
    }

    void sendData(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback) {
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
        lastActivityNanos = System.nanoTime();
        if (fin && !Opcode.isControl(opcode)) {
            counters.messageSent();
        }
        sender.send(opcode, fin, rsv, payload, callback);
    }

    void sendControl(int opcode, ByteBuffer payload, SendCallback callback) {
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
    boolean close(int code, String reason) {
        return close(code, reason, code, reason);
    }

    /**
     * Starts the close handshake from this side: the peer gets {@code wireCode}, the endpoint's
     * onClose gets {@code localCode} at once (as other implementations do, and the TCK checks),
     * and the connection waits for the peer's answer only to close TCP cleanly.
     *
     * @return false when the connection was already closing (nothing was sent)
     */
    boolean close(int wireCode, String wireReason, int localCode, String localReason) {
        synchronized (stateLock) {
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
        });
        armCloseTimer();
        finish(localCode, localReason);
        return true;
    }

    // ---- timers -------------------------------------------------------------------------------

    void setIdleTimeout(long millis) {
        idleTimeoutMillis = millis;
        ScheduledFuture<?> previous = idleTimer;
        if (previous != null) {
            previous.cancel(false);
        }
        if (millis > 0 && !finished.get()) {
            idleTimer = Timers.schedule(timers, this::checkIdle, millis);
        }
    }

    /**
     * Pings the peer every {@code intervalMillis} and closes the connection (1001) when a pong
     * does not come back within {@code pongTimeoutMillis}: a dead peer or a proxy that dropped the
     * connection is noticed, and quiet connections stay alive through proxies.
     */
    void startKeepAlive(long intervalMillis, long pongTimeoutMillis) {
        if (intervalMillis > 0 && !finished.get()) {
            keepAliveTimer = Timers.schedule(timers, () -> keepAlive(intervalMillis, pongTimeoutMillis), intervalMillis);
        }
    }

    private void keepAlive(long intervalMillis, long pongTimeoutMillis) {
        if (finished.get() || !isOpen()) {
            return;
        }
        long sent = pingSentNanos;
        long now = System.nanoTime();
        if (sent != 0 && pongTimeoutMillis > 0 && now - sent >= TimeUnit.MILLISECONDS.toNanos(pongTimeoutMillis)) {
            fail(CloseCodes.GOING_AWAY, "No pong within " + pongTimeoutMillis + " ms (dev.ferry.pongTimeout)");
            return;
        }
        long delay = intervalMillis;
        if (sent == 0) {
            pingSentNanos = now;
            sender.send(Opcode.PING, true, ByteBuffer.wrap(KEEP_ALIVE), SendCallback.IGNORE);
            if (pongTimeoutMillis > 0) {
                delay = Math.min(intervalMillis, pongTimeoutMillis);
            }
        }
        keepAliveTimer = Timers.schedule(timers, () -> keepAlive(intervalMillis, pongTimeoutMillis), delay);
    }

    private void checkIdle() {
        long timeout = idleTimeoutMillis;
        if (timeout <= 0 || finished.get()) {
            return;
        }
        long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
        if (idle >= timeout) {
            // The peer is told "going away"; the endpoint learns the connection was lost (1006),
            // as the specification asks for a timeout.
            String why = "Idle timeout of " + timeout + " ms expired";
            close(CloseCodes.GOING_AWAY, why, CloseCodes.ABNORMAL, why);
        } else {
            idleTimer = Timers.schedule(timers, this::checkIdle, timeout - idle);
        }
    }

    /** The peer gets {@code closeTimeoutMillis} to answer (or read) our close frame; then TCP is dropped. */
    private void armCloseTimer() {
        if (closeTimer == null && !finished.get()) {
            closeTimer = Timers.schedule(timers, () -> {
                transport.close(true);
                finishLocally();
            }, closeTimeoutMillis);
            if (closeTimer == null) {
                // No timer left to wait with (the container stopped): do not wait at all.
                transport.close(false);
            }
        }
    }

    // ---- inbound ------------------------------------------------------------------------------

    @Override
    public void onData(ByteBuffer data) {
        // After our close frame, input is still read for the peer's answer; after theirs, not.
        if (state == State.CLOSED) {
            data.position(data.limit());
            return;
        }
        lastActivityNanos = System.nanoTime();
        counters.bytesReceived(data.remaining());
        Thread previous = deliveringThread;
        deliveringThread = Thread.currentThread();
        try {
            parser.parse(data);
        } catch (WebSocketException e) {
            fail(e.closeCode(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Internal failure while reading a WebSocket connection; closing it with 1011", e);
            fail(CloseCodes.INTERNAL_ERROR, "Internal error");
        } finally {
            deliveringThread = previous;
            data.position(data.limit());
        }
    }

    @Override
    public void onEndOfInput(Throwable failureOrNull) {
        transport.close(true);
        boolean wasOpen;
        synchronized (stateLock) {
            wasOpen = state == State.OPEN;
            state = State.CLOSED;
        }
        if (wasOpen) {
            String why = failureOrNull == null ? "The peer closed the connection without a close frame"
                    : "The connection failed: " + failureOrNull.getMessage();
            finish(CloseCodes.ABNORMAL, why);
        } else {
            finishLocally();
        }
    }

    @Override
    public void onClosed() {
        synchronized (stateLock) {
            state = State.CLOSED;
        }
        ScheduledFuture<?> timer = closeTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        if (deflate != null) {
            deflate.release();
        }
        finishLocally();
        if (!finished.get()) {
            finish(CloseCodes.ABNORMAL, "The connection was closed");
        }
        events.onTransportClosed();
    }

    @Override
    public TextSink textSink() {
        // Messages that arrive after our close frame are read and dropped: the endpoint is closed.
        return state == State.OPEN ? events.textSink() : DiscardingSinks.TEXT;
    }

    @Override
    public BinarySink binarySink() {
        return state == State.OPEN ? events.binarySink() : DiscardingSinks.BINARY;
    }

    @Override
    public long maxTextMessageSize() {
        return events.maxTextMessageSize();
    }

    @Override
    public long maxBinaryMessageSize() {
        return events.maxBinaryMessageSize();
    }

    @Override
    public void onPing(ByteBuffer payload) {
        if (isOpen()) {
            sender.send(Opcode.PONG, true, copy(payload), SendCallback.IGNORE);
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        // Any pong shows the peer is alive; the answer to our own keep-alive stays ours.
        pingSentNanos = 0;
        if (payload.equals(ByteBuffer.wrap(KEEP_ALIVE)) || state != State.OPEN) {
            return;
        }
        PongSink sink = events.pongSink();
        if (sink != null) {
            try {
                sink.onPong(copy(payload));
            } catch (Exception e) {
                events.onApplicationError(e);
            }
        }
    }

    @Override
    public void onCloseFrame(CloseFrames.CloseInfo close) {
        State before;
        synchronized (stateLock) {
            before = state;
            state = State.CLOSED;
            if (before == State.OPEN) {
                outcomeCode = close.code();
                outcomeReason = close.reason();
            }
        }
        if (before == State.OPEN) {
            // Echo the peer's code, then end TCP once the echo is written (the server closes first).
            int echo = close.code() == CloseCodes.NO_STATUS ? CloseCodes.NO_STATUS : close.code();
            sender.sendClose(CloseFrames.encodePayload(echo, ""), failure -> transport.close(failure != null));
            armCloseTimer();
            finish(close.code(), close.reason());
        } else {
            transport.close(false);
            finishLocally();
        }
    }

    @Override
    public void onDeliveryFailure(Throwable failure) {
        events.onApplicationError(failure);
    }

    /** Fails the connection: a close frame with {@code code}, then TCP closes once it is written. */
    private void fail(int code, String reason) {
        State before;
        synchronized (stateLock) {
            before = state;
            state = State.CLOSED;
            if (before == State.OPEN) {
                outcomeCode = code;
                outcomeReason = reason;
            }
        }
        if (before == State.OPEN) {
            counters.closedOnError(code);
            sender.sendClose(CloseFrames.encodePayload(code, reason), failure -> transport.close(failure != null));
            armCloseTimer();
        } else {
            transport.close(true);
        }
        finish(code, reason);
    }

    private void finishLocally() {
        int code;
        String reason;
        synchronized (stateLock) {
            code = outcomeCode;
            reason = outcomeReason;
        }
        if (code != 0) {
            finish(code, reason);
        }
    }

    private void finish(int code, String reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> idle = idleTimer;
        if (idle != null) {
            idle.cancel(false);
        }
        ScheduledFuture<?> keepAlive = keepAliveTimer;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        events.onClosed(code, reason == null ? "" : reason);
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.duplicate()).flip();
        return copy;
    }
}
