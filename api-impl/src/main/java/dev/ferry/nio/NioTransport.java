package dev.ferry.nio;

import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} on a non-blocking {@link SocketChannel} driven by a {@link SelectorLoop},
 * plain or through TLS ({@link ChannelIo}): the client's connections, and server connections
 * that Ferry takes over from the servlet container after the upgrade ({@link #adopt}).
 *
 * <p>Threads: callers on any thread queue writes and close requests in a {@link WriteQueue},
 * whose lock is never held during I/O; everything else (channel calls, interest ops) is confined
 * to the I/O thread, reached through {@link #schedulePump()}. The session's listener is called
 * on worker threads through {@link ListenerCalls}, in order, so a callback that blocks holds up
 * its own connection only. The I/O thread keeps reading while a worker delivers, up to
 * {@link ListenerCalls#BACKLOG_LIMIT} bytes not yet taken: read interest then stays armed
 * between messages (no {@code epoll_ctl} and no wake-up of the I/O thread per message).
 *
 * <p>Before the session exists, a handshake reader listens (see {@link #connect}); it
 * hands the bytes that followed the HTTP response back through {@link #holdUntilStart}, and
 * {@link #start} delivers them to the session before anything read later.
 */
public final class NioTransport implements Transport, SelectorLoop.Handler {

    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final ByteBuffer[] NOTHING = new ByteBuffer[0];

    private final SelectorLoop loop;
    private final SocketChannel channel;
    private final ChannelIo io;
    private final InetSocketAddress remote;
    private final String description;
    /** Closes the socket: the channel itself, or through the servlet container that accepted it. */
    private final ChannelCloser closer;

    private final WriteQueue writes = new WriteQueue();
    private final ListenerCalls listener;
    private volatile boolean readingPaused;
    /**
     * Callers may write on their own thread when the queue is empty: plain TCP only (TLS state
     * stays on the I/O thread), once the session has started. Saves the hop to the I/O thread,
     * so a send completes at once when the socket takes it.
     */
    private volatile boolean directWrites;
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();

    // Confined to the I/O thread.
    private SelectionKey key;
    private boolean connected;
    private boolean waitingForWritable;
    private boolean inputEnded;
    /** The handshake is read and the session has not started: read nothing meanwhile. */
    private boolean awaitingStart;
    /** The listener has {@link ListenerCalls#BACKLOG_LIMIT} bytes or more not yet taken: read no more. */
    private boolean backlogged;
    private ByteBuffer unread;
    private boolean pumping;
    private boolean pumpAgain;

    /** How a transport closes its socket. */
    @FunctionalInterface
    public interface ChannelCloser {
        /** Closes {@code channel} (and whatever else holds it); called once, on the I/O thread. */
        void close(SocketChannel channel) throws IOException;
    }

    private NioTransport(SelectorLoop loop, Executor workers, CallbackContext context, SocketChannel channel,
            ChannelIo io, InetSocketAddress remote, ChannelCloser closer) {
        this.loop = loop;
        this.listener = new ListenerCalls(workers, context, () -> onLoop(this::backlogDrained));
        this.channel = channel;
        this.io = io;
        this.remote = remote;
        this.closer = closer;
        this.description = (io.isSecure() ? "TLS " : "TCP ") + remote;
    }

    /** A transport for a new, not yet connected socket to {@code remote}. */
    public static NioTransport open(SelectorLoop loop, Executor workers, InetSocketAddress remote, ChannelIo io)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new NioTransport(loop, workers, CallbackContext.NONE, channel, io, remote, SocketChannel::close);
    }

    /**
     * A transport for a plain TCP connection that is already open: a server connection the
     * servlet container accepted and upgraded, which Ferry now reads and writes itself. The
     * container keeps the socket registered with its own selector but with no interest, so only
     * this transport touches it until {@code closer} hands it back for closing.
     *
     * @param workers     where the session's listener is called: the container's threads ...
     * @param context     ... bound to the web application as the container binds them
     * @param bytesReadAhead what the container read past the upgrade request; delivered first
     */
    public static NioTransport adopt(SelectorLoop loop, Executor workers, CallbackContext context,
            SocketChannel channel, ByteBuffer bytesReadAhead, ChannelCloser closer) throws IOException {
        channel.configureBlocking(false);
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        NioTransport transport = new NioTransport(loop, workers, context, channel, new PlainChannelIo(), remote, closer);
        // Published to the I/O thread by the task queue, before anything else of this transport runs there.
        transport.awaitingStart = true;
        transport.unread = bytesReadAhead != null && bytesReadAhead.hasRemaining() ? bytesReadAhead : null;
        transport.onLoop(transport::registerAdopted);
        return transport;
    }

    /**
     * Starts connecting; {@code handshakeListener} hears everything until the session
     * {@link #start}s, including a failure to connect.
     */
    public void connect(TransportListener handshakeListener) throws IOException {
        try {
            channel.connect(remote);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        onLoop(() -> register(handshakeListener));
    }

    // ---- Transport (any thread) ---------------------------------------------------------------

    @Override
    public void start(TransportListener sessionListener) {
        onLoop(() -> {
            listener.session(sessionListener);
            awaitingStart = false;
            directWrites = !io.isSecure();
            if (isClosed()) {
                deliverUnread();
                listener.closed();
            } else {
                pump();
            }
        });
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        switch (writes.offer(buffers, done, directWrites && !loop.inLoop())) {
            case QUEUED -> schedulePump();
            case WRITE_NOW -> writeNow(buffers, done);
            default -> done.failed(new IOException("The connection to " + remote + " is closed"));
        }
    }

    /** On the caller's thread: writes what the socket takes now; the I/O thread does the rest. */
    private void writeNow(ByteBuffer[] buffers, WriteCallback done) {
        ChannelIo.Progress progress = null;
        Throwable failure = null;
        try {
            progress = io.write(channel, buffers);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        boolean complete = progress == ChannelIo.Progress.DONE;
        switch (writes.finishDirect(complete)) {
            case COMPLETED -> done.completed();
            case FAILED -> done.failed(new IOException("The connection to " + remote
                    + " was closed before this was written", failure));
            default -> {
                // The I/O thread writes the rest.
            }
        }
        if (failure != null) {
            Throwable cause = failure;
            LOG.log(Level.DEBUG, () -> "Writing to " + description + " failed: " + cause);
            onLoop(() -> closeNow(cause));
        } else if (!complete || writes.needsLoop()) {
            schedulePump();
        }
    }

    @Override
    public void pauseReading() {
        readingPaused = true;
        schedulePump();
    }

    @Override
    public void resumeReading() {
        readingPaused = false;
        schedulePump();
    }

    @Override
    public void close(boolean abort) {
        if (!writes.requestClose(abort)) {
            return;
        }
        if (abort) {
            onLoop(() -> closeNow(null));
        } else {
            schedulePump();
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean isSecure() {
        return io.isSecure();
    }

    // ---- handshake hand-over (I/O thread) -----------------------------------------------------

    /**
     * Stops reading until {@link #start}, which delivers {@code bytesReadAhead} (what came after
     * the handshake response) before anything else. I/O thread only.
     */
    public void holdUntilStart(ByteBuffer bytesReadAhead) {
        awaitingStart = true;
        unread = bytesReadAhead.hasRemaining() ? bytesReadAhead : null;
    }

    private boolean isClosed() {
        return writes.isClosed();
    }

    private void schedulePump() {
        if (pumpScheduled.compareAndSet(false, true)) {
            onLoop(() -> {
                pumpScheduled.set(false);
                pump();
            });
        }
    }

    /** Runs {@code task} on the I/O thread; once that thread is gone, closes instead. */
    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            failWithoutLoop();
        }
    }

    // ---- I/O thread ---------------------------------------------------------------------------

    private void register(TransportListener handshakeListener) {
        listener.handshake(handshakeListener);
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

    @Override
    public void onReady(SelectionKey readyKey) {
        if (!connected && readyKey.isConnectable()) {
            try {
                if (!channel.finishConnect()) {
                    return;
                }
                connected();
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

    private void registerAdopted() {
        try {
            key = loop.register(channel, 0, this);
            connected();
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        }
    }

    private void connected() throws IOException {
        connected = true;
        io.onConnected(channel);
        pump();
    }

    /**
     * Writes what is queued, then reads what is there, until neither can go on. Re-entrant calls
     * (a listener writing or pausing) just ask for another round.
     */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        if (!connected || isClosed()) {
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                flushWrites();
                if (writes.isAbortRequested()) {
                    closeNow(null);
                    return;
                }
                readAvailable();
            } while (pumpAgain && !isClosed());
            closeIfDrained();
            updateInterest();
        } finally {
            pumping = false;
        }
    }

    private void flushWrites() {
        while (!isClosed()) {
            WriteQueue.PendingWrite head = writes.head();
            if (head == null && !io.wantsWrite()) {
                return;
            }
            ChannelIo.Progress progress;
            try {
                progress = io.write(channel, head == null ? NOTHING : head.buffers());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Writing to " + description + " failed: " + e);
                closeNow(e);
                return;
            }
            switch (progress) {
                case DONE:
                    if (head == null) {
                        return;
                    }
                    writes.removeHead();
                    head.callback().completed(); // may queue more: the loop picks it up
                    break;
                case SOCKET_FULL:
                    waitingForWritable = true;
                    return;
                case NEEDS_INPUT:
                    return; // reading the handshake answer will let it go on
                default:
                    throw new IllegalStateException(progress.toString());
            }
        }
    }

    private void readAvailable() {
        while (canRead()) {
            if (unread != null) {
                deliverUnread();
                continue;
            }
            // The loop's one buffer, shared by every connection: ListenerCalls copies what it hands to a worker.
            ByteBuffer readBuffer = loop.readBuffer(io.minReadBufferSize());
            int n;
            try {
                n = io.read(channel, readBuffer);
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
                if (io.wantsWrite() && !waitingForWritable) {
                    pumpAgain = true;
                }
                return;
            }
            int asked = readBuffer.remaining();
            readBuffer.flip();
            hand(readBuffer);
            if (n < asked && !io.hasBufferedInput()) {
                // The socket is drained for now: the selector (level-triggered) says when more
                // comes, which spares the read that would only return 0.
                return;
            }
        }
    }

    private void hand(ByteBuffer bytes) {
        if (listener.data(bytes)) {
            backlogged = true; // until a worker has taken enough: backlogDrained
        }
    }

    private void backlogDrained() {
        backlogged = false;
        pump();
    }

    private boolean canRead() {
        return listener.isSet() && !awaitingStart && !backlogged && !readingPaused && !inputEnded
                && !writes.isAbortRequested() && !isClosed();
    }

    private void deliverUnread() {
        ByteBuffer bytes = unread;
        unread = null;
        if (bytes != null && listener.isSet()) {
            hand(bytes);
        }
    }

    private void endInput(Throwable failure) {
        inputEnded = true;
        if (failure != null) {
            LOG.log(Level.DEBUG, () -> "Reading from " + description + " failed: " + failure);
        }
        listener.endOfInput(failure);
    }

    private void closeIfDrained() {
        if (writes.isDrainedForClose() && !io.wantsWrite()) {
            closeNow(null);
        }
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
    private void closeNow(Throwable failure) {
        List<WriteQueue.PendingWrite> unwritten = writes.close();
        if (unwritten == null) {
            return;
        }
        if (key != null) {
            key.cancel();
        }
        if (connected && !writes.isAbortRequested() && failure == null) {
            io.closeOutbound(channel);
        }
        try {
            closer.close(channel);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing " + description + " failed", e);
        }
        IOException cause = new IOException("The connection to " + remote + " was closed before this was written",
                failure);
        for (WriteQueue.PendingWrite write : unwritten) {
            write.callback().failed(cause);
        }
        if (listener.isSet() && failure != null && !inputEnded) {
            inputEnded = true;
            listener.endOfInput(failure);
        }
        listener.closed();
    }

    @Override
    public void abort(Throwable cause) {
        closeNow(cause);
    }

    /**
     * The I/O thread has ended, so nothing runs there any more: close from the calling thread,
     * which is then the only one touching this transport.
     */
    private void failWithoutLoop() {
        closeNow(new IOException("The WebSocket container was shut down"));
    }

    @Override
    public String toString() {
        return "NioTransport[" + description + "]";
    }
}
