package dev.ferry.servlet.jetty;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.nio.CallbackContext;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import dev.ferry.transport.WriteSlot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The engine's transport on a Jetty 12 {@link EndPoint}, which Jetty switches to once the 101
 * answer is out. Used instead of the servlet {@code HttpUpgradeHandler} on Jetty, whose upgraded
 * input stream reports end of input at once after a GET (see {@link JettyUpgrade}).
 *
 * <p>Reads happen on Jetty's threads when the socket is readable; a read buffer is borrowed from
 * Jetty's pool only while bytes are being read, so an idle connection holds none. The write in
 * flight (one at a time, as Jetty's end point takes them) lives in a {@link WriteSlot} and goes
 * straight to the end point.
 *
 * <p>Bytes that Jetty had already read past the upgrade request (a client that sent its first
 * frames without waiting for the 101) come through {@link #onUpgradeTo} and reach the engine
 * before anything read from the socket. Without {@link Connection.UpgradeTo}, Jetty refuses the
 * switch when it holds such bytes and the connection is dropped.
 */
final class JettyEndPointTransport extends AbstractConnection implements Transport, Connection.UpgradeTo {

    /**
     * Borrowed from Jetty's pool only while reading, so its size costs an idle connection nothing;
     * 64 KiB (the pool's largest pooled size) reads a large message in 8 times fewer calls than 8 KiB.
     */
    private static final int READ_BUFFER_SIZE = 65536;

    private final ByteBufferPool pool;
    private final PendingSession pending;
    private final boolean secure;
    /** Every listener call runs with the web application's class loader as its context class loader. */
    private final CallbackContext application;
    private volatile TransportListener listener;

    private volatile boolean paused;
    /** Set when the read loop stopped because of a pause, so that resume must restart it. */
    private final AtomicBoolean stoppedForPause = new AtomicBoolean();
    private final AtomicBoolean closedReported = new AtomicBoolean();
    /** Bytes read by Jetty before the switch; set before {@link #onOpen}, taken by the first read. */
    private volatile ByteBuffer early;
    /** The listener hears one call at a time: a close during a read is reported after it. */
    private final Object readLock = new Object();
    private boolean reading;
    private boolean closePending;

    private final WriteSlot writes = new WriteSlot();
    /** Jetty's callback for the write in flight; one object for the connection's life. */
    private final Callback written = new Callback() {
        @Override
        public void succeeded() {
            writes.release(true);
            if (writes.isDrainedForClose()) {
                getEndPoint().close();
            }
        }

        @Override
        public void failed(Throwable failure) {
            writes.close(failure);
            writes.release(false);
            getEndPoint().close(failure);
        }
    };

    JettyEndPointTransport(EndPoint endPoint, Executor executor, ByteBufferPool pool, PendingSession pending,
            boolean secure, ClassLoader applicationLoader) {
        super(endPoint, executor);
        this.pool = pool;
        this.pending = pending;
        this.secure = secure;
        this.application = CallbackContext.classLoader(applicationLoader);
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffered) {
        early = JettyUpgrade.copyOf(buffered);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        // Ferry keeps its own idle timeout; Jetty's connector timeout must not end a WebSocket.
        getEndPoint().setIdleTimeout(0);
        try {
            pending.start(this);
        } catch (RuntimeException e) {
            close(true);
            throw e;
        }
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
        readWhenReady();
    }

    private void readWhenReady() {
        if (early != null) {
            // The socket may stay silent: the bytes Jetty handed over must not wait for more.
            getExecutor().execute(this::onFillable);
        } else {
            fillInterested();
        }
    }

    /**
     * Jetty calls this on its own threads, outside the web application's scope; endpoints expect
     * their application's context class loader (ServiceLoader, JNDI, logging), as in Tomcat.
     */
    @Override
    public void onFillable() {
        Object saved = application.enter();
        try {
            fillAndDeliver();
        } finally {
            application.exit(saved);
        }
    }

    private void fillAndDeliver() {
        TransportListener l = listener;
        synchronized (readLock) {
            reading = true;
        }
        // Asked for only once this read is over: Jetty may call onFillable on another thread at
        // once, and the listener's calls must never overlap.
        boolean wantMore = false;
        RetainableByteBuffer borrowed = JettyBufferPools.acquire(pool, READ_BUFFER_SIZE);
        try {
            ByteBuffer buffer = borrowed.getByteBuffer();
            while (true) {
                if (paused) {
                    stoppedForPause.set(true);
                    // A resume between the check and the flag would be lost: look again.
                    if (paused || !stoppedForPause.compareAndSet(true, false)) {
                        return;
                    }
                }
                ByteBuffer handedOver = early;
                if (handedOver != null) {
                    early = null;
                    l.onData(handedOver);
                    continue;
                }
                BufferUtil.clear(buffer);
                int n = getEndPoint().fill(buffer);
                if (n > 0) {
                    boolean drained = !secure && n < buffer.capacity();
                    l.onData(buffer);
                    if (drained && getEndPoint().isOpen()) {
                        // A plain socket that gave less than asked for is empty: waiting for
                        // readiness now saves the read that would only say so. The selector is
                        // level-triggered, so bytes that came meanwhile still wake us at once.
                        wantMore = true;
                        return;
                    }
                } else if (n == 0) {
                    wantMore = true;
                    return;
                } else {
                    l.onEndOfInput(null);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            l.onEndOfInput(e);
        } finally {
            borrowed.release();
            boolean reportClose;
            synchronized (readLock) {
                reading = false;
                reportClose = closePending;
            }
            if (reportClose) {
                reportClosed();
            } else if (wantMore) {
                fillInterested();
            }
        }
    }

    @Override
    public void pauseReading() {
        paused = true;
    }

    @Override
    public void resumeReading() {
        paused = false;
        if (stoppedForPause.compareAndSet(true, false)) {
            readWhenReady();
        }
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        if (writes.offer(buffers, done)) {
            ByteBuffer[] claimed = writes.claim();
            if (claimed != null) {
                getEndPoint().write(written, claimed);
            }
        }
    }

    @Override
    public void close(boolean abort) {
        if (abort) {
            getEndPoint().close();
        } else if (writes.requestClose() && writes.isDrainedForClose()) {
            getEndPoint().close();
        }
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        // A write Jetty is carrying is failed by Jetty's callback; one not yet handed over, here.
        writes.close(new IOException("The connection is closed", cause));
        synchronized (readLock) {
            if (reading) {
                closePending = true;
                return;
            }
        }
        reportClosed();
    }

    private void reportClosed() {
        TransportListener l = listener;
        if (l != null && closedReported.compareAndSet(false, true)) {
            Object saved = application.enter();
            try {
                l.onClosed();
            } finally {
                application.exit(saved);
            }
        }
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        // Idle sessions are Ferry's to end (dev.ferry.idleTimeout), not the connector's.
        return false;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return inet(getEndPoint().getRemoteSocketAddress());
    }

    @Override
    public InetSocketAddress localAddress() {
        return inet(getEndPoint().getLocalSocketAddress());
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress i ? i : null;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }
}
