package dev.ferry.nio;

import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import dev.ferry.transport.WriteSlot;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * A {@link Transport} on a non-blocking {@link SocketChannel} driven by a {@link SelectorLoop},
 * plain or through TLS ({@link TlsEngineAdapter}): the client's connections, and server
 * connections that Ferry takes over from the servlet container after the upgrade ({@link #adopt}).
 *
 * <p>This class is what callers on any thread do; what the I/O thread does is the
 * {@link ChannelPump}'s. Every channel call happens there, except one: on plain TCP a caller whose
 * write finds nothing in flight writes it on its own thread (no hop to the I/O thread; the send
 * completes as soon as the socket takes it), and the I/O thread writes what the socket did not
 * take. The write in flight and the close that waits for it live in a {@link WriteSlot}. What is
 * read goes to the listener through an {@link InboundDelivery}: on worker threads, in order, so a
 * callback that blocks holds up its own connection only.
 *
 * <p>Before the session exists, a handshake reader listens (see {@link #connect}); it hands the
 * bytes that followed the HTTP response back through {@link #holdUntilStart}, and {@link #start}
 * delivers them to the session before anything read later.
 */
public final class NioTransport implements Transport {

    /** A send of the application's buffer from this size on is worth a worker's wait rather than a copy. */
    static final int LARGE_APPLICATION_SEND = 64 * 1024;

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final boolean secure;
    private final WriteSlot writes = new WriteSlot();
    private final ChannelPump pump;
    private final SelectorLoop loop;
    /** Callers may write on their own thread: plain TCP only (TLS state stays on the I/O thread), once started. */
    private volatile boolean directWrites;

    /** How a transport closes its socket. */
    @FunctionalInterface
    public interface ChannelCloser {
        /** Closes {@code channel} (and whatever else holds it); called once, on the I/O thread. */
        void close(SocketChannel channel) throws IOException;
    }

    private NioTransport(SelectorLoop loop, Executor workers, CallbackContext context, SocketChannel channel,
            TlsEngineAdapter tls, InetSocketAddress remote, ChannelCloser closer, InlinePolicy inline) {
        this.loop = loop;
        this.channel = channel;
        this.remote = remote;
        this.secure = tls != null;
        this.pump = new ChannelPump(loop, channel, tls, remote, closer, writes, workers, context, inline);
    }

    /**
     * A transport for a new, not yet connected socket to {@code remote}.
     *
     * @param tls TLS for the connection, or null for plain TCP
     */
    public static NioTransport open(SelectorLoop loop, Executor workers, InetSocketAddress remote, TlsEngineAdapter tls)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        // A client's callbacks may wait for another session of the same container, whose bytes the
        // one I/O thread must go on reading: they never run on it.
        return new NioTransport(loop, workers, CallbackContext.NONE, channel, tls, remote, SocketChannel::close,
                InlinePolicy.NEVER);
    }

    /**
     * A transport for a plain TCP connection that is already open: a server connection the
     * servlet container accepted and upgraded, which Ferry now reads and writes itself. The
     * container keeps the socket registered with its own selector but with no interest, so only
     * this transport touches it until {@code closer} hands it back for closing.
     *
     * @param workers        where the session's listener is called: the container's threads ...
     * @param context        ... bound to the web application as the container binds them
     * @param bytesReadAhead what the container read past the upgrade request; delivered first
     * @param inlineDelivery whether the session's callbacks may run on the I/O thread once they
     *                       have shown they are short (see {@link InboundDelivery})
     */
    public static NioTransport adopt(SelectorLoop loop, Executor workers, CallbackContext context,
            SocketChannel channel, ByteBuffer bytesReadAhead, ChannelCloser closer, boolean inlineDelivery)
            throws IOException {
        return adopt(loop, workers, context, channel, bytesReadAhead, closer,
                inlineDelivery ? InlinePolicy.DEFAULT : InlinePolicy.NEVER);
    }

    /** {@link #adopt} with the thresholds of inline delivery given (tests). */
    static NioTransport adopt(SelectorLoop loop, Executor workers, CallbackContext context, SocketChannel channel,
            ByteBuffer bytesReadAhead, ChannelCloser closer, InlinePolicy inline) throws IOException {
        channel.configureBlocking(false);
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        NioTransport transport = new NioTransport(loop, workers, context, channel, null, remote, closer, inline);
        transport.pump.onLoop(() -> transport.pump.adopted(bytesReadAhead));
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
        pump.onLoop(() -> pump.connect(handshakeListener));
    }

    // ---- Transport (any thread) ---------------------------------------------------------------

    @Override
    public void start(TransportListener sessionListener) {
        pump.onLoop(() -> {
            directWrites = !secure;
            pump.startSession(sessionListener);
        });
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        if (pump.abortRequested) {
            done.failed(new IOException("The connection to " + remote + " is closed"));
        } else if (writes.offer(buffers, done)) {
            if (directWrites && !loop.inLoop()) {
                writeNow();
            } else {
                pump.schedule();
            }
        }
    }

    /** On the caller's thread: writes what the socket takes now; the I/O thread does the rest. */
    private void writeNow() {
        ByteBuffer[] buffers = writes.claim();
        if (buffers == null) {
            pump.schedule();
            return;
        }
        boolean finished = false;
        IOException failure = null;
        try {
            finished = pump.writePlain(buffers);
        } catch (IOException e) {
            failure = e;
        }
        WriteSlot.Release outcome = writes.release(finished);
        if (failure != null) {
            IOException cause = failure;
            System.getLogger(NioTransport.class.getName()).log(Level.DEBUG,
                    () -> "Writing to " + pump.description() + " failed: " + cause);
            pump.onLoop(() -> pump.closeNow(cause));
        } else if (outcome == WriteSlot.Release.UNFINISHED || writes.hasUnclaimedWrite()
                || writes.isDrainedForClose()) {
            pump.schedule();
        }
    }

    @Override
    public void pauseReading() {
        pump.readingPaused = true;
        pump.schedule();
    }

    @Override
    public void resumeReading() {
        pump.readingPaused = false;
        pump.schedule();
    }

    @Override
    public void close(boolean abort) {
        if (abort) {
            pump.abortRequested = true;
            pump.onLoop(() -> pump.closeNow(null));
        } else if (writes.requestClose()) {
            pump.schedule();
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
        return secure;
    }

    /**
     * Not on the I/O thread, which delivers inline and must write what does not go out at once. A
     * large buffer there will be copied: the connection's next messages go to the workers, where
     * such a send waits instead (inline delivery pays for small messages, not for large copies).
     */
    @Override
    public boolean deliveringThreadMayWait(int applicationBytes) {
        if (!loop.inLoop()) {
            return true;
        }
        if (applicationBytes >= LARGE_APPLICATION_SEND) {
            pump.deliverOnWorkers();
        }
        return false;
    }

    /**
     * Stops reading until {@link #start}, which delivers {@code bytesReadAhead} (what came after
     * the handshake response) before anything else. I/O thread only.
     */
    public void holdUntilStart(ByteBuffer bytesReadAhead) {
        pump.holdUntilStart(bytesReadAhead);
    }

    /** Bytes read and not yet taken by the listener (for tests of the backlog bound). */
    long inboundBacklog() {
        return pump.inboundBacklog();
    }

    @Override
    public String toString() {
        return "NioTransport[" + pump.description() + "]";
    }
}
