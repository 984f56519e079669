package dev.ferry.servlet.tomcat;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.handshake.UpgradeDecision.PendingSession;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.Executor;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * The upgrade on Tomcat's NIO connector without TLS: Ferry upgrades to {@link TomcatUpgradeHandler},
 * a Tomcat-internal upgrade handler, which takes the socket over from Tomcat once the 101 is out.
 * Through the servlet upgrade every message would pass Tomcat's poller (read interest re-armed
 * per message, a thread hand-off, a read that only says "nothing more") and its servlet streams.
 *
 * <p>Loaded only after {@code TomcatSupport} has checked that Tomcat's classes are visible.
 */
public final class TomcatUpgrade {

    private static final System.Logger LOG = System.getLogger(TomcatUpgrade.class.getName());

    /** {@code RequestFacade.request}: the facade has no getter for the request behind it. */
    private static final Field FACADE_REQUEST = facadeRequestField();

    private TomcatUpgrade() {
    }

    /**
     * Upgrades {@code request} (status and headers are set) when its connector allows the
     * take-over.
     *
     * @return false when it does not (the caller then uses the servlet upgrade)
     */
    public static boolean upgrade(HttpServletRequest request, PendingSession session, FerryServerContainer container) {
        Executor threads = plainNioExecutor(request);
        if (threads == null) {
            return false;
        }
        TomcatUpgradeHandler handler;
        try {
            handler = request.upgrade(TomcatUpgradeHandler.class);
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Tomcat refused its internal upgrade; using the servlet upgrade", e);
            return false;
        }
        // Tomcat calls init() only after the filter chain returns, so this comes first.
        handler.prepare(session, container, threads, request.getServletContext().getClassLoader());
        return true;
    }

    /** The connector's thread pool, or null unless the request came through a plain NIO connector. */
    private static Executor plainNioExecutor(HttpServletRequest request) {
        if (FACADE_REQUEST == null) {
            return null;
        }
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        if (!(unwrapped instanceof RequestFacade facade)) {
            return null;
        }
        try {
            Request catalinaRequest = (Request) FACADE_REQUEST.get(facade);
            Connector connector = catalinaRequest == null ? null : catalinaRequest.getConnector();
            ProtocolHandler protocol = connector == null ? null : connector.getProtocolHandler();
            if (protocol instanceof Http11NioProtocol nio && !nio.isSSLEnabled() && nio.getExecutor() != null) {
                return nio.getExecutor();
            }
            return null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Field facadeRequestField() {
        try {
            Field field = RequestFacade.class.getDeclaredField("request");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Tomcat's request facade cannot be looked behind; "
                    + "WebSocket connections use the servlet upgrade", e);
            return null;
        }
    }
}
