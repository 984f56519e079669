package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The upgraded connection, as the engine's {@link Transport}. The servlet container creates it in
 * {@code HttpServletRequest.upgrade} and calls {@link #init} once the 101 response is out; from
 * then on bytes move only through non-blocking {@code ReadListener}/{@code WriteListener}
 * callbacks, so no container thread ever waits for the peer.
 *
 * <p>In containers that call those listeners on I/O threads serving many connections (Undertow),
 * the engine's calls go to a {@link WorkerDelivery} instead, as the {@link ServletUpgradeOptions}
 * the bridge found for the container say.
 *
 * <p>Public with a public no-argument constructor because the servlet container instantiates it.
 */
public final class FerryUpgradeHandler implements HttpUpgradeHandler, Transport {

    private static final System.Logger LOG = System.getLogger(FerryUpgradeHandler.class.getName());
    private static final int READ_BUFFER_SIZE = 8192;

    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final AtomicBoolean connectionClosed = new AtomicBoolean();
    private volatile PendingSession pending;
    private volatile InetSocketAddress remoteAddress;
    private volatile InetSocketAddress localAddress;
    private volatile boolean secure;
    private volatile ServletUpgradeOptions options = ServletUpgradeOptions.AS_IS;
    /** {@code init} has returned: the endpoint's onOpen, which runs inside it, is over. */
    private volatile boolean initialized;
    private volatile WebConnection connection;
    private volatile NonBlockingReader reader;
    private volatile NonBlockingWriter writer;

    public FerryUpgradeHandler() {
        // Created by the servlet container; see prepare().
    }

    /**
     * Hands over the session to start and what is known of the connection; called by the bridge
     * right after {@code upgrade()} returns, before the container calls {@link #init}.
     */
    void prepare(PendingSession session, InetSocketAddress remote, InetSocketAddress local, boolean isSecure,
            ServletUpgradeOptions containerOptions) {
        this.remoteAddress = remote;
        this.localAddress = local;
        this.secure = isSecure;
        this.options = containerOptions;
        this.pending = session;
    }

    @Override
    public void init(WebConnection webConnection) {
        this.connection = webConnection;
        PendingSession session = pending;
        pending = null;
        if (session == null) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: a connection was upgraded to "
                    + FerryUpgradeHandler.class.getSimpleName() + " outside of Ferry; closing it");
            closeConnection();
            return;
        }
        try {
            ServletInputStream in = webConnection.getInputStream();
            ServletOutputStream out = webConnection.getOutputStream();
            reader = new NonBlockingReader(in, READ_BUFFER_SIZE, this::failed);
            writer = new NonBlockingWriter(out, this::failed, options.wholeArrays(), options.errorsRepeat());
            // Set before the session starts, so that whatever onOpen sends can go out at once.
            out.setWriteListener(writer);
        } catch (IOException | RuntimeException e) {
            session.abandon(e);
            closeConnection();
            return;
        }
        try {
            session.start(this);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the session could not start", e);
            close(true);
        } finally {
            initialized = true;
        }
    }

    @Override
    public void destroy() {
        PendingSession session = pending;
        if (session != null) {
            // The connection ended before init(): no session will start on it.
            pending = null;
            session.abandon(new IOException("The connection closed before the upgrade completed"));
        }
        // The container is done with the connection; anything still queued cannot be written.
        close(true);
    }

    @Override
    public void start(TransportListener listener) {
        // The read listener is set now (Tomcat reads what came with the handshake right after
        // init, and only if a listener is there), but delivery waits until the container has said
        // "writable" for the first time. Before that, Tomcat answers isReady() with false, so a
        // message delivered at once (clients often send right after the 101) would run on a
        // thread whose sends cannot go out until it returns: an application waiting there for its
        // send to complete would wait in vain.
        NonBlockingReader r = reader;
        Executor workers = options.callbackThreads();
        r.start(workers == null ? listener : new WorkerDelivery(listener, workers, r::stall, r::unstall));
        writer.whenFirstWritable(r::openGate);
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        NonBlockingWriter w = writer;
        if (w == null) {
            done.failed(new IOException("The connection is not open"));
            return;
        }
        w.write(buffers, done);
    }

    @Override
    public void pauseReading() {
        reader.pause();
    }

    @Override
    public void resumeReading() {
        reader.resume();
    }

    @Override
    public void close(boolean abort) {
        NonBlockingWriter w = writer;
        if (w == null) {
            closeConnection();
            return;
        }
        if (abort) {
            closeStarted.set(true);
            w.abort(new IOException("Connection aborted"));
            Runnable drop = options.drop();
            if (drop != null && !connectionClosed.get()) {
                // First: the container's own close would wait to write what is left, for as long as
                // the peer does not read (the usual reason to abort).
                drop.run();
            }
            closeConnection();
        } else if (closeStarted.compareAndSet(false, true)) {
            w.closeWhenDrained(this::closeConnection);
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    /**
     * Tomcat reports "writable" only once the read callback has returned: its thread must not wait.
     * A worker that delivers for a {@link WorkerDelivery} may: the container's I/O thread reports
     * "writable" meanwhile. Not inside {@code init} (onOpen), though: Undertow runs the stream's
     * first calls only once {@code init} has returned.
     */
    @Override
    public boolean deliveringThreadMayWait(int applicationBytes) {
        return options.callbackThreads() != null && initialized;
    }

    private void failed(Throwable cause) {
        close(true);
    }

    /** Closes the connection once, then lets the engine know (after any read in progress). */
    private void closeConnection() {
        if (!connectionClosed.compareAndSet(false, true)) {
            return;
        }
        WebConnection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: closing the connection failed", e);
            }
        }
        NonBlockingReader r = reader;
        if (r != null) {
            r.closed();
        }
    }
}
