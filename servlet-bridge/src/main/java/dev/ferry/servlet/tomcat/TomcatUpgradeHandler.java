package dev.ferry.servlet.tomcat;

import dev.ferry.nio.CallbackContext;
import dev.ferry.server.FerryServerContainer;
import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.transport.Transport;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.coyote.http11.upgrade.UpgradeProcessorBase;
import org.apache.tomcat.ContextBind;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketBufferHandler;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Takes an upgraded connection over from Tomcat's NIO connector: after the 101, one of Ferry's I/O
 * threads reads and writes the socket ({@link FerryServerContainer#adoptConnection}) and the
 * session's callbacks run on the connector's threads, bound to the web application as Tomcat
 * binds them. Tomcat's part ends at {@link #hasAsyncIO()}: "the handler does all further I/O",
 * so its poller leaves the socket alone (registered, with no interest) until Ferry closes the
 * connection through Tomcat's socket wrapper, which releases Tomcat's processor and connection
 * count and calls {@link #destroy()}. While Ferry owns the socket, Tomcat's socket buffers are
 * released ({@link TomcatSocketBuffers}).
 *
 * <p>Public with a public no-argument constructor because Tomcat instantiates it.
 */
public final class TomcatUpgradeHandler implements InternalHttpUpgradeHandler {

    private static final System.Logger LOG = System.getLogger(TomcatUpgradeHandler.class.getName());

    private volatile PendingSession pending;
    private volatile FerryServerContainer container;
    private volatile Executor threads;
    private volatile ClassLoader applicationLoader;
    private volatile SocketWrapperBase<?> socketWrapper;
    private volatile Transport transport;
    /** init() failed: Tomcat is asked to close the connection itself, see {@link #hasAsyncIO()}. */
    private volatile boolean giveBack;
    /** The size of Tomcat's socket buffers to restore before it gets the connection back; 0 = none (an updater, not an AtomicInteger: idle connections stay small). */
    private volatile int releasedBufferSize;
    private static final AtomicIntegerFieldUpdater<TomcatUpgradeHandler> RELEASED_BUFFER_SIZE =
            AtomicIntegerFieldUpdater.newUpdater(TomcatUpgradeHandler.class, "releasedBufferSize");

    public TomcatUpgradeHandler() {
        // Created by Tomcat; see prepare().
    }

    void prepare(PendingSession session, FerryServerContainer ferry, Executor connectorThreads,
            ClassLoader applicationLoader) {
        this.container = ferry;
        this.threads = connectorThreads;
        this.applicationLoader = applicationLoader;
        this.pending = session;
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        this.socketWrapper = wrapper;
    }

    @Override
    public void init(WebConnection connection) {
        PendingSession session = pending;
        pending = null;
        SocketWrapperBase<?> wrapper = socketWrapper;
        if (session == null) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: a connection was upgraded to "
                    + TomcatUpgradeHandler.class.getSimpleName() + " outside of Ferry; closing it");
            giveBack = true;
            return;
        }
        Transport adopted;
        try {
            SocketChannel channel = plainChannel(wrapper);
            CallbackContext context = TomcatContextBinding.of(contextBind(connection), applicationLoader);
            ByteBuffer readAhead = bufferedInput(wrapper);
            RELEASED_BUFFER_SIZE.set(this, TomcatSocketBuffers.release(wrapper.getSocketBufferHandler()));
            adopted = container.adoptConnection(channel, readAhead, threads, context,
                    c -> closeThroughTomcat(wrapper));
        } catch (IOException | RuntimeException | LinkageError e) {
            // A LinkageError: this Tomcat's internals differ from what TomcatUpgrade checked at start.
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: taking over the connection from Tomcat failed; "
                    + "closing it. If this repeats, set the context parameter dev.ferry.directIo=false and "
                    + "report your Tomcat version", e);
            session.abandon(e);
            restoreBuffers(wrapper);
            giveBack = true;
            return;
        }
        transport = adopted;
        try {
            session.start(adopted);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the session could not start", e);
            adopted.close(true);
        }
    }

    /** The socket behind a plain NIO connection (TomcatUpgrade checked the connector). */
    private static SocketChannel plainChannel(SocketWrapperBase<?> wrapper) throws IOException {
        if (wrapper instanceof NioEndpoint.NioSocketWrapper nio && nio.getSocket() != null
                && nio.getSocket().getClass() == NioChannel.class) {
            return nio.getSocket().getIOChannel();
        }
        throw new IOException("Not a plain NIO connection: " + wrapper);
    }

    /** What Tomcat read past the upgrade request (it puts it back into the wrapper's read buffer). */
    private static ByteBuffer bufferedInput(SocketWrapperBase<?> wrapper) {
        SocketBufferHandler buffers = wrapper.getSocketBufferHandler();
        if (buffers == null || buffers.isReadBufferEmpty()) {
            return null;
        }
        buffers.configureReadBufferForRead();
        ByteBuffer readBuffer = buffers.getReadBuffer();
        ByteBuffer copy = ByteBuffer.allocate(readBuffer.remaining()).put(readBuffer).flip();
        buffers.configureReadBufferForWrite();
        return copy;
    }

    private static ContextBind contextBind(WebConnection connection) {
        return connection instanceof UpgradeProcessorBase processor && processor.getUpgradeToken() != null
                ? processor.getUpgradeToken().getContextBind() : null;
    }

    /**
     * Called by Tomcat right after {@link #init}: true, and Tomcat stops polling the socket, since
     * Ferry's I/O thread does all further I/O. False only when init() failed: Tomcat then
     * dispatches once more ({@link #upgradeDispatch} answers CLOSED) and closes the connection
     * with all its bookkeeping, which closing from inside init() would skip.
     */
    @Override
    public boolean hasAsyncIO() {
        return !giveBack;
    }

    /**
     * Tomcat dispatches to a handler that does its own I/O only when it gives the connection up
     * (stop, error, disconnect): Ferry's side closes too.
     */
    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (!giveBack && (status == SocketEvent.OPEN_READ || status == SocketEvent.OPEN_WRITE)) {
            return SocketState.ASYNC_IO;
        }
        Transport t = transport;
        if (t != null) {
            t.close(true);
        }
        return SocketState.CLOSED;
    }

    @Override
    public void timeoutAsync(long now) {
        // Ferry times sessions out itself (dev.ferry.idleTimeout, send and close timeouts).
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // Plain connections only.
    }

    @Override
    public void pause() {
        // Tomcat pauses its connector; open sessions go on until Ferry's shutdown closes them (1001).
    }

    /**
     * Ferry's transport is done with the socket: Tomcat closes it, releasing its processor and
     * connection count. Tomcat's thread may still be on its way back from {@link #init} (a client
     * that closed at once): until it has handed the processor back to the socket, Tomcat's close
     * would not find it, and the processor would stay on Tomcat's lists for good. Then the close
     * waits for it, on a connector thread.
     */
    private void closeThroughTomcat(SocketWrapperBase<?> wrapper) {
        restoreBuffers(wrapper);
        if (wrapper.getCurrentProcessor() != null || wrapper.isClosed()) {
            wrapper.close();
            return;
        }
        try {
            threads.execute(() -> closeOnceProcessorIsBack(wrapper));
        } catch (RejectedExecutionException e) {
            wrapper.close(); // the connector is stopping and closes everything anyway
        }
    }

    private static void closeOnceProcessorIsBack(SocketWrapperBase<?> wrapper) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (wrapper.getCurrentProcessor() == null && !wrapper.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wrapper.close();
        }
    }

    /** Before Tomcat recycles the connection's socket buffers: they must be whole again. */
    private void restoreBuffers(SocketWrapperBase<?> wrapper) {
        int size = RELEASED_BUFFER_SIZE.getAndSet(this, 0);
        if (size > 0) {
            TomcatSocketBuffers.restore(wrapper.getSocketBufferHandler(), size);
        }
    }

    /** Tomcat released the connection (Ferry closed it, or Tomcat stops): nothing may be left open. */
    @Override
    public void destroy() {
        PendingSession session = pending;
        if (session != null) {
            // The connection ended before init(): no session will start on it.
            pending = null;
            session.abandon(new IOException("The connection closed before the upgrade completed"));
        }
        SocketWrapperBase<?> wrapper = socketWrapper;
        if (wrapper != null) {
            restoreBuffers(wrapper);
        }
        Transport t = transport;
        if (t != null) {
            t.close(true);
        }
    }
}
