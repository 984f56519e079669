package dev.ferry.servlet.jetty;

import dev.ferry.server.UpgradeDecision.PendingSession;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
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
 * Jetty's pool only while bytes are being read, so an idle connection holds none. Writes go
 * straight to the end point, one at a time, in order.
 */
final class JettyEndPointTransport extends AbstractConnection implements Transport {

    private static final int READ_BUFFER_SIZE = 8192;

    private final ByteBufferPool pool;
    private final PendingSession pending;
    private final boolean secure;
    private volatile TransportListener listener;

    private volatile boolean paused;
    /** Set when the read loop stopped because of a pause, so that resume must restart it. */
    private final AtomicBoolean stoppedForPause = new AtomicBoolean();
    private final AtomicBoolean closedReported = new AtomicBoolean();
    /** The listener hears one call at a time: a close during a read is reported after it. */
    private final Object readLock = new Object();
    private boolean reading;
    private boolean closePending;

    private final Object writeLock = new Object();
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    private boolean writing;
    private boolean closeWhenWritten;

    JettyEndPointTransport(EndPoint endPoint, Executor executor, ByteBufferPool pool, PendingSession pending,
            boolean secure) {
        super(endPoint, executor);
        this.pool = pool;
        this.pending = pending;
        this.secure = secure;
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
        fillInterested();
    }

    @Override
    public void onFillable() {
        TransportListener l = listener;
        synchronized (readLock) {
            reading = true;
        }
        RetainableByteBuffer borrowed = pool.acquire(READ_BUFFER_SIZE, false);
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
                BufferUtil.clear(buffer);
                int n = getEndPoint().fill(buffer);
                if (n > 0) {
                    l.onData(buffer);
                } else if (n == 0) {
                    fillInterested();
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
            fillInterested();
        }
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        synchronized (writeLock) {
            writes.add(new PendingWrite(buffers, done));
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    /** Starts the next queued write; Jetty allows one at a time on an end point. */
    private void writeNext() {
        PendingWrite next;
        synchronized (writeLock) {
            next = writes.poll();
            if (next == null) {
                writing = false;
                if (closeWhenWritten) {
                    getEndPoint().close();
                }
                return;
            }
        }
        PendingWrite write = next;
        getEndPoint().write(Callback.from(() -> {
            write.done().completed();
            writeNext();
        }, failure -> {
            write.done().failed(failure);
            failQueued(failure);
        }), write.buffers());
    }

    private void failQueued(Throwable failure) {
        ArrayDeque<PendingWrite> failed;
        synchronized (writeLock) {
            failed = new ArrayDeque<>(writes);
            writes.clear();
            writing = false;
        }
        failed.forEach(w -> w.done().failed(failure));
        getEndPoint().close(failure);
    }

    @Override
    public void close(boolean abort) {
        if (abort) {
            getEndPoint().close();
            return;
        }
        synchronized (writeLock) {
            if (writing) {
                closeWhenWritten = true;
                return;
            }
        }
        getEndPoint().close();
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        failQueuedOnClose();
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
            l.onClosed();
        }
    }

    private void failQueuedOnClose() {
        ArrayDeque<PendingWrite> failed;
        synchronized (writeLock) {
            failed = new ArrayDeque<>(writes);
            writes.clear();
        }
        IOException closed = new IOException("The connection is closed");
        failed.forEach(w -> w.done().failed(closed));
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

    private record PendingWrite(ByteBuffer[] buffers, WriteCallback done) {
    }
}
