package dev.ferry.servlet.jetty;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.nio.CallbackContext;
import dev.ferry.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * The connection Jetty switches a plain-TCP WebSocket to once the 101 answer is out, when Ferry
 * does the I/O itself ({@code dev.ferry.directIo}): it hands the socket to one of Ferry's I/O
 * threads ({@link FerryServerContainer#adoptConnection}) and stays behind only so that Jetty can
 * close the connection (server stop) and account for it. Jetty's selector keeps the socket
 * registered with no interest, since nothing here ever asks it to read or write.
 *
 * <p>Compared with {@link JettyEndPointTransport}, a message costs no re-arming of read interest
 * in Jetty's selector and no hand-off from it to a reading thread: Ferry's I/O thread keeps read
 * interest armed and reads as bytes come.
 */
final class JettyChannelHandover extends AbstractConnection implements Connection.UpgradeTo {

    private static final System.Logger LOG = System.getLogger(JettyChannelHandover.class.getName());

    private final SocketChannelEndPoint endPoint;
    private final PendingSession pending;
    private final FerryServerContainer container;
    private final Executor threads;
    private final CallbackContext context;
    /** Bytes read by Jetty before the switch; set before {@link #onOpen}. */
    private volatile ByteBuffer early;
    private volatile Transport transport;

    JettyChannelHandover(SocketChannelEndPoint endPoint, Executor executor, PendingSession pending,
            FerryServerContainer container, ClassLoader applicationLoader) {
        super(endPoint, executor);
        this.endPoint = endPoint;
        this.pending = pending;
        this.container = container;
        this.threads = executor;
        this.context = CallbackContext.classLoader(applicationLoader);
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffered) {
        early = JettyUpgrade.copyOf(buffered);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        // Ferry keeps its own idle timeout; Jetty's connector timeout must not end a WebSocket.
        endPoint.setIdleTimeout(0);
        Transport adopted;
        try {
            adopted = container.adoptConnection(endPoint.getChannel(), early, threads, context,
                    channel -> endPoint.close());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: taking over the connection failed; closing it", e);
            pending.abandon(e);
            endPoint.close(e);
            return;
        }
        early = null;
        transport = adopted;
        try {
            pending.start(adopted);
        } catch (RuntimeException e) {
            adopted.close(true);
            throw e;
        }
    }

    @Override
    public void onFillable() {
        // Never asked for: Ferry's I/O thread reads this socket.
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        // Jetty closed the connection (e.g. the server stops): Ferry's side follows at once.
        Transport t = transport;
        if (t != null) {
            t.close(true);
        }
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        // Idle sessions are Ferry's to end (dev.ferry.idleTimeout), not the connector's.
        return false;
    }
}
