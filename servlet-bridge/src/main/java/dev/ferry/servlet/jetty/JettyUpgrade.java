package dev.ferry.servlet.jetty;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.handshake.UpgradeDecision.PendingSession;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * The upgrade on Jetty 12. Jetty's {@code HttpServletRequest.upgrade} keeps the request's end of
 * input latched after a GET without a body: the upgraded {@code ServletInputStream} reports end of
 * input at once, and the client's first frames are parsed as a new HTTP request (checked on
 * 12.1.14, ee10 and ee11). So on Jetty, Ferry asks Jetty to hand the connection's end point to
 * {@link JettyEndPointTransport} once the 101 answer is written, the way Jetty's own WebSocket
 * upgrade does, through Jetty's core API ({@link HttpStream#UPGRADE_CONNECTION_ATTRIBUTE}).
 *
 * <p>This class is loaded only after {@code JettySupport} has checked that Jetty's core classes
 * are visible, so the bridge still loads in any other container.
 */
public final class JettyUpgrade {

    private JettyUpgrade() {
    }

    /**
     * Prepares the switch: the caller has set status 101 and the headers; when the servlet
     * response completes, Jetty moves the connection to Ferry.
     *
     * @param container the application's Ferry container (null when it is not in the context):
     *                  its sessions are closed (1001) at Jetty's graceful stop, and it takes over
     *                  plain-TCP connections when {@code dev.ferry.directIo} is on
     * @return false when this request is not one Jetty's core can reach (the caller then uses the
     *         servlet upgrade)
     */
    public static boolean prepare(HttpServletRequest request, PendingSession session, FerryServerContainer container) {
        Request core = coreRequest(request);
        if (core == null) {
            return false;
        }
        if (container != null && core.getContext() instanceof ContextHandler.ScopedContext scoped) {
            JettyGracefulStop.register(scoped.getContextHandler(), container::shutdown);
        }
        EndPoint endPoint = core.getConnectionMetaData().getConnection().getEndPoint();
        ClassLoader applicationLoader = request.getServletContext().getClassLoader();
        Connection next;
        if (container != null && container.directIo() && !request.isSecure()
                && endPoint instanceof SocketChannelEndPoint plain) {
            next = new JettyChannelHandover(plain, core.getComponents().getExecutor(), session, container,
                    applicationLoader);
        } else {
            next = new JettyEndPointTransport(endPoint, core.getComponents().getExecutor(),
                    core.getComponents().getByteBufferPool(), session, request.isSecure(), applicationLoader);
        }
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, next);
        return true;
    }

    /**
     * What Jetty read past the upgrade request, as a copy (the buffer is Jetty's, and the engine
     * may change the bytes it is given), or null when there is nothing.
     */
    static ByteBuffer copyOf(ByteBuffer buffered) {
        if (!org.eclipse.jetty.util.BufferUtil.hasContent(buffered)) {
            return null;
        }
        return ByteBuffer.allocate(buffered.remaining()).put(buffered).flip();
    }

    /**
     * Jetty's core request behind a servlet request of any Jetty environment (ee10, ee11): each
     * has a {@code ServletContextRequest.getServletContextRequest(ServletRequest)} in the package
     * of its request class, which also unwraps request wrappers.
     */
    private static Request coreRequest(HttpServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        Class<?> type = unwrapped.getClass();
        try {
            Class<?> contextRequest = Class.forName(type.getPackageName() + ".ServletContextRequest", false,
                    type.getClassLoader());
            Method lookup = contextRequest.getMethod("getServletContextRequest", ServletRequest.class);
            Object core = lookup.invoke(null, request);
            return core instanceof Request r ? r : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
