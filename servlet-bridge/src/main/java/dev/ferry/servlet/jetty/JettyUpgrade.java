package dev.ferry.servlet.jetty;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import dev.ferry.servlet.route.UpgradeRoute;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * {@link JettyChannelHandover} (direct I/O) or {@link JettyEndPointTransport} once the 101 answer
 * is written, the way Jetty's own WebSocket upgrade does, through Jetty's core API
 * ({@link HttpStream#UPGRADE_CONNECTION_ATTRIBUTE}).
 *
 * <p>Created only where Jetty's core classes are visible to this class: with Ferry installed at
 * server level, through the bridge's own class loader; with Ferry inside a WAR, through
 * {@code JettyCoreLoader}, which loads this package next to Jetty's core. So the classes of this
 * package use only public types of the rest of Ferry. Everything found by reflection is found
 * here, at the application's start, so that a Jetty version that differs fails the deployment
 * rather than a connection.
 */
public final class JettyUpgrade implements ContainerRoute {

    /** The route's name in the log when Ferry's I/O threads take the socket. */
    public static final String DIRECT_IO = "direct I/O on Jetty";
    /** The route's name in the log when Jetty's end point carries the bytes. */
    public static final String END_POINT = "Jetty end-point route";

    private final FerryServerContainer container;
    private final boolean insideWar;
    /** {@code ServletContextRequest.getServletContextRequest(ServletRequest)} of the application's environment. */
    private final MethodHandle coreRequestLookup;

    /**
     * @param container the application's Ferry container (null when the upgrades are not Ferry
     *                  sessions): its sessions are closed (1001) at Jetty's graceful stop, and it
     *                  takes over plain-TCP connections when {@code dev.ferry.directIo} is on
     * @param insideWar whether Ferry is inside the WAR (for the log only)
     * @throws ReflectiveOperationException when this Jetty has no way from a servlet request to its
     *                                      core request that Ferry knows
     */
    public JettyUpgrade(ServletContext context, FerryServerContainer container, boolean insideWar)
            throws ReflectiveOperationException {
        this.container = container;
        this.insideWar = insideWar;
        this.coreRequestLookup = coreRequestLookup(context.getClass());
        // Resolved now, so that a Jetty whose buffer pool differs fails here.
        JettyBufferPools.check();
    }

    @Override
    public String name() {
        return "Jetty's core connection switch";
    }

    @Override
    public String description() {
        boolean direct = container != null && container.directIo();
        return (direct ? DIRECT_IO + " for plain-TCP connections, the " + END_POINT + " for TLS"
                : "the " + END_POINT + " for every connection (dev.ferry.directIo=false)")
                + (insideWar ? "; Ferry is inside the WAR and reaches Jetty's core through the server's class loader"
                        : "");
    }

    @Override
    public boolean servletUpgradeWorks() {
        return false;
    }

    /** The caller has set status 101 and the headers; when the servlet response completes, Jetty moves the connection to Ferry. */
    @Override
    public UpgradeRoute upgrade(HttpServletRequest request, PendingSession session) {
        Request core = coreRequest(request);
        if (core == null) {
            throw new IllegalStateException("Jetty's core request is out of reach behind " + request.getClass().getName());
        }
        if (container != null && core.getContext() instanceof ContextHandler.ScopedContext scoped) {
            JettyGracefulStop.register(scoped.getContextHandler(), container::shutdown);
        }
        EndPoint endPoint = core.getConnectionMetaData().getConnection().getEndPoint();
        ClassLoader applicationLoader = request.getServletContext().getClassLoader();
        if (applicationLoader == null) {
            // A context without a loader of its own (one built in code): Jetty leaves its request
            // threads' loader as it is, so the callbacks get that one rather than none.
            applicationLoader = Thread.currentThread().getContextClassLoader();
        }
        Connection next;
        UpgradeRoute route;
        if (container != null && container.directIo() && !request.isSecure()
                && endPoint instanceof SocketChannelEndPoint plain) {
            next = new JettyChannelHandover(plain, core.getComponents().getExecutor(), session, container,
                    applicationLoader);
            route = UpgradeRoute.taken(DIRECT_IO);
        } else {
            next = new JettyEndPointTransport(endPoint, core.getComponents().getExecutor(),
                    core.getComponents().getByteBufferPool(), session, request.isSecure(), applicationLoader);
            route = UpgradeRoute.taken(END_POINT + (request.isSecure() ? " (TLS connection)"
                    : container == null || !container.directIo() ? " (dev.ferry.directIo=false)"
                    : " (end point " + endPoint.getClass().getSimpleName() + ")"));
        }
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, next);
        return route;
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

    /** Jetty's core request behind a servlet request (the lookup also unwraps request wrappers). */
    private Request coreRequest(HttpServletRequest request) {
        try {
            return (Request) coreRequestLookup.invokeExact((ServletRequest) request);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each Jetty environment (ee10, ee11) has a
     * {@code ServletContextRequest.getServletContextRequest(ServletRequest)}, which returns the core
     * request, in the package of its servlet context class ({@code ServletContextHandler}'s); a
     * web application's context is a subclass of that from another package.
     */
    private static MethodHandle coreRequestLookup(Class<?> servletContextType) throws ReflectiveOperationException {
        Class<?> contextRequest = null;
        for (Class<?> type = servletContextType; type != null && contextRequest == null; type = type.getSuperclass()) {
            try {
                contextRequest = Class.forName(type.getPackageName() + ".ServletContextRequest", false,
                        type.getClassLoader());
            } catch (ClassNotFoundException e) {
                // Not this package: look at the superclass's.
            }
        }
        if (contextRequest == null) {
            throw new ClassNotFoundException("ServletContextRequest in a package of " + servletContextType.getName()
                    + " or its superclasses");
        }
        if (!Request.class.isAssignableFrom(contextRequest)) {
            throw new ClassCastException(contextRequest.getName() + " is no " + Request.class.getName());
        }
        MethodHandle lookup = MethodHandles.publicLookup().findStatic(contextRequest, "getServletContextRequest",
                MethodType.methodType(contextRequest, ServletRequest.class));
        return lookup.asType(MethodType.methodType(Request.class, ServletRequest.class));
    }
}
