package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeDecision.Accept;
import dev.ferry.handshake.UpgradeDecision.Reject;
import dev.ferry.servlet.route.ContainerRoute;
import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.servlet.route.UpgradeRoute;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Carries out what the server container decided about a handshake, for both the upgrade filter
 * and {@code ServerContainer.upgradeHttpToWebSocket}.
 */
final class UpgradeResponder {

    private static final System.Logger LOG = System.getLogger(UpgradeResponder.class.getName());

    private UpgradeResponder() {
    }

    /**
     * Answers a rejected handshake, or upgrades an accepted one.
     *
     * @return {@code false} when the decision was to let the request pass untouched
     */
    static boolean respond(UpgradeDecision decision, HttpServletRequest request, HttpServletResponse response,
            ContainerRoutes routes) throws IOException {
        if (decision instanceof Reject reject) {
            reject(reject, response);
            return true;
        }
        if (decision instanceof Accept accept) {
            upgrade(accept, request, response, routes);
            return true;
        }
        return false;
    }

    /** A plain status, headers and a short text: no sendError, so every container answers alike. */
    static void reject(Reject reject, HttpServletResponse response) throws IOException {
        response.setStatus(reject.status());
        setHeaders(response, reject.headers());
        byte[] body = reject.message() == null ? new byte[0] : reject.message().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void upgrade(Accept accept, HttpServletRequest request, HttpServletResponse response,
            ContainerRoutes routes) throws IOException {
        // Some containers (Jetty) check the status and headers inside upgrade(), so set them first.
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        setHeaders(response, accept.headers());
        UpgradeRoute route = containerRoute(accept, request, response, routes);
        if (route == null || route.upgraded()) {
            return; // the container's route knows the socket's addresses itself
        }
        // Captured before upgrade(): once upgraded, the request object may be recycled by the container.
        InetSocketAddress remote = address(request.getRemoteAddr(), request.getRemotePort());
        InetSocketAddress local = address(request.getLocalAddr(), request.getLocalPort());
        boolean secure = request.isSecure();
        ServletUpgradeOptions options;
        try {
            // Asked before upgrade(): the container's view of the request may go with it.
            options = routes.servletUpgrade().options(request);
        } catch (RuntimeException | LinkageError e) {
            accept.session().abandon(e);
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: could not prepare the servlet upgrade of "
                    + request.getRequestURI() + "; refused it with 500", e);
            refuse(response);
            return;
        }
        FerryUpgradeHandler handler;
        try {
            handler = request.upgrade(FerryUpgradeHandler.class);
        } catch (IOException | ServletException | RuntimeException e) {
            accept.session().abandon(e);
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the servlet container refused to upgrade "
                    + request.getRequestURI() + "; is the connection HTTP/1.1?", e);
            refuse(response);
            return;
        }
        // The container calls init() only after the filter chain returns, so this comes first.
        handler.prepare(accept.session(), remote, local, secure, options);
        routes.log().taken(new UpgradeRoute(route.name() + routes.servletUpgrade().description(), false));
    }

    /**
     * Lets the container's own route take the connection when it applies.
     *
     * @return the route taken, or the servlet upgrade with its reason; null when the handshake was
     *         refused (the container route failed, and the servlet upgrade does not work there)
     */
    private static UpgradeRoute containerRoute(Accept accept, HttpServletRequest request,
            HttpServletResponse response, ContainerRoutes routes) throws IOException {
        ContainerRoute container = routes.route();
        if (container == null) {
            return UpgradeRoute.servletUpgrade(routes.withoutRoute());
        }
        UpgradeRoute route;
        try {
            route = container.upgrade(request, accept.session());
        } catch (RuntimeException | LinkageError e) {
            // This container's internals differ from what the route found at start.
            if (!container.servletUpgradeWorks()) {
                routes.log().unavailable(container.name(), "WebSocket handshakes are refused with 500, since this "
                        + "container's servlet upgrade would lose the connection after the handshake", e);
                accept.session().abandon(e);
                refuse(response);
                return null;
            }
            routes.log().unavailable(container.name(), "connections take the servlet upgrade", e);
            return UpgradeRoute.servletUpgrade(container.name() + " failed");
        }
        if (route.upgraded()) {
            routes.log().taken(route);
        }
        return route;
    }

    /** Answers 500 instead of the 101, when nothing was sent yet. */
    private static void refuse(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            reject(new Reject(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Map.of(),
                    "The server could not switch this connection to WebSocket."), response);
        }
    }

    private static void setHeaders(HttpServletResponse response, Map<String, List<String>> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, values) -> {
            boolean first = true;
            for (String value : values) {
                if (first) {
                    response.setHeader(name, value);
                    first = false;
                } else {
                    response.addHeader(name, value);
                }
            }
        });
    }

    private static InetSocketAddress address(String ip, int port) {
        if (ip == null) {
            return null;
        }
        try {
            // An address literal: no name lookup happens.
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return InetSocketAddress.createUnresolved(ip, Math.max(0, port));
        }
    }
}
