package dev.ferry.servlet.tomcat;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import dev.ferry.servlet.route.UpgradeRoute;
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
 * <p>Created only after {@code TomcatSupport} has checked that Tomcat's classes are visible and
 * {@link #unavailable()} found every internal piece this route needs, so that a Tomcat whose
 * internals differ (10.1's {@code ContextBind}, for one) is found at the application's start,
 * before any connection depends on it.
 */
public final class TomcatUpgrade implements ContainerRoute {

    /** The route's name in the log. */
    public static final String NAME = "direct I/O on Tomcat NIO";

    /** {@code RequestFacade.request}: the facade has no getter for the request behind it. */
    private static final Field FACADE_REQUEST;
    /** Why {@link #FACADE_REQUEST} is out of reach; null when it is not. */
    private static final Throwable FACADE_REQUEST_MISSING;

    static {
        Field field = null;
        Throwable missing = null;
        try {
            field = RequestFacade.class.getDeclaredField("request");
            field.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            missing = e;
        }
        FACADE_REQUEST = missing == null ? field : null;
        FACADE_REQUEST_MISSING = missing;
    }

    private final FerryServerContainer container;

    public TomcatUpgrade(FerryServerContainer container) {
        this.container = container;
    }

    /**
     * @return null when everything this route reaches in Tomcat is there; else what is missing
     *         (a field, a method of another form than this Tomcat has)
     */
    public static Throwable unavailable() {
        if (FACADE_REQUEST_MISSING != null) {
            return FACADE_REQUEST_MISSING;
        }
        return TomcatContextBinding.unavailable();
    }

    /** @return null when Tomcat's socket buffers can be released while Ferry owns a socket; else why not */
    public static Throwable socketBuffersStayAllocated() {
        return TomcatSocketBuffers.unavailable();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return NAME + " for plain-TCP connections on an NIO connector (Tomcat's " + TomcatContextBinding.form()
                + "), the servlet upgrade for TLS and other connectors";
    }

    @Override
    public boolean servletUpgradeWorks() {
        return true;
    }

    /** Upgrades {@code request} (status and headers are set) when its connector allows the take-over. */
    @Override
    public UpgradeRoute upgrade(HttpServletRequest request, PendingSession session) {
        if (request.isSecure()) {
            return UpgradeRoute.servletUpgrade("TLS connection");
        }
        Connector connector = connector(request);
        ProtocolHandler protocol = connector == null ? null : connector.getProtocolHandler();
        if (!(protocol instanceof Http11NioProtocol nio) || nio.isSSLEnabled() || nio.getExecutor() == null) {
            return UpgradeRoute.servletUpgrade(protocol == null ? "Tomcat's connector out of reach"
                    : "connector " + protocol.getClass().getSimpleName());
        }
        TomcatUpgradeHandler handler;
        try {
            handler = request.upgrade(TomcatUpgradeHandler.class);
        } catch (IOException | ServletException e) {
            return UpgradeRoute.servletUpgrade("Tomcat refused its internal upgrade: " + e);
        }
        // Tomcat calls init() only after the filter chain returns, so this comes first.
        handler.prepare(session, container, nio.getExecutor(), request.getServletContext().getClassLoader());
        return UpgradeRoute.taken(NAME);
    }

    /** The connector the request came through, or null when the request is not Tomcat's. */
    private static Connector connector(HttpServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        if (!(unwrapped instanceof RequestFacade facade)) {
            return null;
        }
        try {
            Request catalinaRequest = (Request) FACADE_REQUEST.get(facade);
            return catalinaRequest == null ? null : catalinaRequest.getConnector();
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
