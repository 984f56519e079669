package dev.ferry.nio;

import dev.ferry.transport.ConnectionClosedException;
import dev.ferry.transport.TransportListener;
import dev.ferry.transport.WriteSlot;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * What a {@link NioTransport} does on its I/O thread: connects, writes the write in flight
 * (through TLS when there is TLS), reads what the socket has and hands it to the
 * {@link InboundDelivery}, keeps the selector's interest in step, and closes. Every channel call
 * happens here except a caller's direct write on plain TCP ({@link NioTransport}); other threads
 * only set flags and {@link #schedule} a round.
 */
final class ChannelPump implements SelectorLoop.Handler {

    private static final System.Logger LOG = System.getLogger(ChannelPump.class.getName());
    private static final ByteBuffer[] NOTHING = new ByteBuffer[0];

    private final SelectorLoop loop;
    private final SocketChannel channel;
    /** TLS, or null on plain TCP. */
    private final TlsEngineAdapter tls;
    private final InetSocketAddress remote;
    private final NioTransport.ChannelCloser closer;
    private final WriteSlot writes;
    private final InboundDelivery delivery;
    /** 1 while a round is asked for and not begun (an updater, not an AtomicBoolean: idle connections stay small). */
    private volatile int scheduled;
    private static final AtomicIntegerFieldUpdater<ChannelPump> SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(ChannelPump.class, "scheduled");
    volatile boolean readingPaused;
    volatile boolean abortRequested;

    // Confined to the I/O thread.
    private SelectionKey key;
    private boolean connected;
    private boolean closed;
    private boolean waitingForWritable;
    private boolean inputEnded;
    /** The handshake is read and the session has not started: read nothing meanwhile. */
    private boolean awaitingStart;
    /** The listener has {@link InboundDelivery#BACKLOG_LIMIT} bytes or more not yet taken: read no more. */
    private boolean backlogged;
    private ByteBuffer unread;
    private boolean pumping;
    private boolean pumpAgain;
    /** A read of this pump round came back short: a further turn (asked for by a handler that
     *  wrote) skips the read that would return nothing; the selector reports what comes later. */
    private boolean drained;

    ChannelPump(SelectorLoop loop, SocketChannel channel, TlsEngineAdapter tls, InetSocketAddress remote,
            NioTransport.ChannelCloser closer, WriteSlot writes, Executor workers, CallbackContext context,
            InlinePolicy inline) {
        this.loop = loop;
        this.channel = channel;
        this.tls = tls;
        this.remote = remote;
        this.closer = closer;
        this.writes = writes;
        this.delivery = new InboundDelivery(workers, context, loop.handOffBuffers(), inline,
                () -> onLoop(this::backlogDrained));
    }

    /** Whether the session's listener runs on this transport's I/O thread now. */
    boolean deliversInline() {
        return delivery.isInline();
    }

    long inboundBacklog() {
        return delivery.backlog();
    }

    /** "TCP /127.0.0.1:50412" or "TLS ...": built when a message needs it, idle connections keep no string. */
    String description() {
        return (tls != null ? "TLS " : "TCP ") + remote;
    }

    /** I/O thread, while delivering inline: see {@link InboundDelivery#leaveInline()}. */
    void deliverOnWorkers() {
        delivery.leaveInline();
    }

    /** Asks the I/O thread for a round of writing and reading (once, however often asked meanwhile). */
    void schedule() {
        if (loop.inLoop() && pumping) {
            pumpAgain = true; // asked by a listener the I/O thread calls: the current round goes on
            return;
        }
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            onLoop(() -> {
                scheduled = 0;
                pump();
            });
        }
    }

    /** Runs {@code task} on the I/O thread; once that thread is gone, closes from here instead. */
    void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // Nothing runs on the I/O thread any more, so this thread is the only one left.
            closeNow(new IOException("The WebSocket container was shut down"));
        }
    }

    // ---- I/O thread ---------------------------------------------------------------------------

    /** A server connection taken over from the container: hold reading until the session starts. */
    void adopted(ByteBuffer bytesReadAhead) {
        awaitingStart = true;
        unread = bytesReadAhead != null && bytesReadAhead.hasRemaining() ? bytesReadAhead : null;
        registerAdopted();
    }

    /** See {@link NioTransport#holdUntilStart}. */
    void holdUntilStart(ByteBuffer bytesReadAhead) {
        awaitingStart = true;
        unread = bytesReadAhead.hasRemaining() ? bytesReadAhead : null;
    }

    /** The session listens from now on: deliver what waited, then read. */
    void startSession(TransportListener sessionListener) {
        delivery.session(sessionListener);
        awaitingStart = false;
        if (closed) {
            deliverUnread();
            delivery.closed();
        } else {
            pump();
        }
    }

    void connect(TransportListener handshakeListener) {
        register(handshakeListener);
    }

    private void register(TransportListener handshakeListener) {
        delivery.handshake(handshakeListener);
        try {
            if (channel.isConnectionPending()) {
                key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            } else {
                key = loop.register(channel, 0, this);
                connected();
            }
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        }
    }

    private void registerAdopted() {
        try {
            key = loop.register(channel, 0, this);
            connected();
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        }
    }

    @Override
    public void onReady(SelectionKey readyKey) {
        if (!connected && readyKey.isConnectable()) {
            try {
                if (channel.finishConnect()) {
                    connected();
                }
            } catch (IOException e) {
                closeNow(e);
            }
            return;
        }
        if (readyKey.isWritable()) {
            waitingForWritable = false;
        }
        pump();
    }

    private void connected() throws IOException {
        connected = true;
        if (tls != null) {
            tls.onConnected();
        }
        pump();
    }

    /**
     * Writes what is in flight, then reads what is there, until neither can go on. Re-entrant
     * calls (a listener writing or pausing) just ask for another round.
     */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        if (!connected || closed) {
            return;
        }
        pumping = true;
        drained = false;
        try {
            do {
                pumpAgain = false;
                flushWrites();
                if (abortRequested) {
                    closeNow(null);
                    return;
                }
                // Bytes read ahead of a start (unread) are in memory, not in the socket: the
                // selector would never report them, so they are delivered even when drained.
                if (!drained || unread != null) {
                    readAvailable();
                }
            } while (pumpAgain && !closed);
            if (writes.isDrainedForClose() && (tls == null || !tls.wantsWrite())) {
                closeNow(null);
            }
            updateInterest();
        } finally {
            pumping = false;
        }
    }

    private void flushWrites() {
        while (!closed) {
            ByteBuffer[] buffers = writes.claim();
            if (buffers == null && (tls == null || !tls.wantsWrite())) {
                return; // nothing in flight, or a caller is writing it on its own thread
            }
            TlsEngineAdapter.Progress progress;
            try {
                progress = tls != null ? tls.write(channel, buffers == null ? NOTHING : buffers)
                        : writePlain(buffers) ? TlsEngineAdapter.Progress.DONE : TlsEngineAdapter.Progress.SOCKET_FULL;
            } catch (IOException | RuntimeException e) {
                if (buffers != null) {
                    writes.release(false);
                }
                LOG.log(Level.DEBUG, () -> "Writing to " + description() + " failed: " + e);
                closeNow(e);
                return;
            }
            if (buffers != null) {
                // Completing the write may hand over the next one: the loop picks it up.
                writes.release(progress == TlsEngineAdapter.Progress.DONE);
            }
            if (progress == TlsEngineAdapter.Progress.SOCKET_FULL) {
                waitingForWritable = true;
                return;
            }
            if (progress == TlsEngineAdapter.Progress.NEEDS_INPUT || buffers == null) {
                return; // reading the handshake's answer lets it go on; or only TLS bytes were due
            }
        }
    }

    /** Writes as much of {@code buffers} as the socket takes; true when all of it went. */
    boolean writePlain(ByteBuffer[] buffers) throws IOException {
        while (!WriteSlot.isEmpty(buffers)) {
            if (channel.write(buffers) == 0) {
                return false;
            }
        }
        return true;
    }

    private void readAvailable() {
        while (canRead()) {
            if (unread != null) {
                deliverUnread();
                continue;
            }
            // The loop's one buffer, shared by every connection: the delivery copies what it hands on.
            ByteBuffer buffer = loop.readBuffer(tls == null ? 1 : tls.minReadBufferSize());
            int asked = buffer.remaining();
            int n;
            try {
                n = tls == null ? channel.read(buffer) : tls.read(channel, buffer);
            } catch (IOException | RuntimeException e) {
                endInput(e);
                return;
            }
            if (n < 0) {
                endInput(null);
                return;
            }
            if (n == 0) {
                // A TLS handshake step may now be writable; that write may in turn free reading.
                if (tls != null && tls.wantsWrite() && !waitingForWritable) {
                    pumpAgain = true;
                } else {
                    drained = true;
                }
                return;
            }
            buffer.flip();
            hand(buffer);
            if (n < asked && (tls == null || !tls.hasBufferedInput())) {
                // The socket is drained for now: the selector (level-triggered) says when more
                // comes, which spares the read that would only return 0.
                drained = true;
                return;
            }
        }
    }

    private void hand(ByteBuffer bytes) {
        if (delivery.data(bytes)) {
            backlogged = true; // until a worker has taken enough: backlogDrained
        }
    }

    private void backlogDrained() {
        backlogged = false;
        pump();
    }

    private boolean canRead() {
        return delivery.hasListener() && !awaitingStart && !backlogged && !readingPaused && !inputEnded
                && !abortRequested && !closed;
    }

    private void deliverUnread() {
        ByteBuffer bytes = unread;
        unread = null;
        if (bytes != null && delivery.hasListener()) {
            hand(bytes);
        }
    }

    private void endInput(Throwable failure) {
        inputEnded = true;
        if (failure != null) {
            LOG.log(Level.DEBUG, () -> "Reading from " + description() + " failed: " + failure);
        }
        delivery.endOfInput(failure);
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (!connected) {
            ops = SelectionKey.OP_CONNECT;
        } else {
            if (canRead()) {
                ops |= SelectionKey.OP_READ;
            }
            if (waitingForWritable) {
                ops |= SelectionKey.OP_WRITE;
            }
        }
        key.interestOps(ops);
    }

    /**
     * Closes the channel at once, fails what was not written and tells the listener: first that
     * input ended (when a failure ended it), then that the transport is closed.
     */
    void closeNow(Throwable failure) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        if (connected && !abortRequested && failure == null && tls != null) {
            tls.closeOutbound(channel);
        }
        try {
            closer.close(channel);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing " + description() + " failed", e);
        }
        writes.close(new ConnectionClosedException(remote, failure));
        if (delivery.hasListener() && failure != null && !inputEnded) {
            inputEnded = true;
            delivery.endOfInput(failure);
        }
        delivery.closed();
    }

    @Override
    public void abort(Throwable cause) {
        closeNow(cause);
    }
}
