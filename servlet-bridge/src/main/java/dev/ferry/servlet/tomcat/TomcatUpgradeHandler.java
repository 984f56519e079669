package dev.ferry.servlet.tomcat;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.server.UpgradeDecision.PendingSession;
import dev.ferry.transport.Transport;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
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
 * count and calls {@link #destroy()}.
 *
 * <p>Public with a public no-argument constructor because Tomcat instantiates it.
 */
public final class TomcatUpgradeHandler implements InternalHttpUpgradeHandler {

    private static final System.Logger LOG = System.getLogger(TomcatUpgradeHandler.class.getName());

    private volatile PendingSession pending;
    private volatile FerryServerContainer container;
    private volatile Executor threads;
    private volatile SocketWrapperBase<?> socketWrapper;
    private volatile Transport transport;

    public TomcatUpgradeHandler() {
        // Created by Tomcat; see prepare().
    }

    void prepare(PendingSession session, FerryServerContainer ferry, Executor connectorThreads) {
        this.container = ferry;
        this.threads = connectorThreads;
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
            wrapper.close();
            return;
        }
        Transport adopted;
        try {
            SocketChannel channel = plainChannel(wrapper);
            Executor callbacks = new BoundExecutor(threads, contextBind(connection));
            adopted = container.adoptConnection(channel, bufferedInput(wrapper), callbacks, c -> wrapper.close());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: taking over the connection failed; closing it", e);
            session.abandon(e);
            wrapper.close();
            return;
        }
        transport = adopted;
        try {
            session.start(adopted);
        } catch (RuntimeException e) {
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

    /** Tomcat stops polling the socket: Ferry's I/O thread does all further I/O. */
    @Override
    public boolean hasAsyncIO() {
        return true;
    }

    /**
     * Tomcat dispatches to a handler that does its own I/O only when it gives the connection up
     * (stop, error, disconnect): Ferry's side closes too.
     */
    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_READ || status == SocketEvent.OPEN_WRITE) {
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

    /** Tomcat released the connection (Ferry closed it, or Tomcat stops): nothing may be left open. */
    @Override
    public void destroy() {
        Transport t = transport;
        if (t != null) {
            t.close(true);
        }
    }

    /** Runs callbacks on the connector's threads with the web application bound, as Tomcat does for its own. */
    private record BoundExecutor(Executor threads, ContextBind bind) implements Executor {
        @Override
        public void execute(Runnable task) {
            if (bind == null) {
                threads.execute(task);
                return;
            }
            threads.execute(() -> {
                ClassLoader previous = bind.bind(null);
                try {
                    task.run();
                } finally {
                    bind.unbind(previous);
                }
            });
        }
    }
}
