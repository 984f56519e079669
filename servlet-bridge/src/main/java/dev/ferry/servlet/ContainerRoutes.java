package dev.ferry.servlet;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import dev.ferry.servlet.route.ServletUpgradeProfile;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * The ways one web application's WebSocket connections can go: the container's own route when it
 * has one that works here (see {@link ContainerRoute}), and the portable servlet upgrade, carried
 * out as the container needs it ({@link ServletUpgradeProfile}). Found once, at the application's
 * start, and told in the log then. Holds what the routes hold until the application stops
 * ({@link #close}).
 */
final class ContainerRoutes implements AutoCloseable {

    private final ContainerRoute route;
    private final String withoutRoute;
    private final ServletUpgradeProfile servletUpgrade;
    private final RouteLog log;
    private final AutoCloseable resources;

    /** Use {@link #detect}; tests give a route of their own. */
    ContainerRoutes(ContainerRoute route, String withoutRoute, RouteLog log) {
        this(route, withoutRoute, ServletUpgradeProfile.AS_IS, log, () -> { });
    }

    private ContainerRoutes(ContainerRoute route, String withoutRoute, ServletUpgradeProfile servletUpgrade,
            RouteLog log, AutoCloseable resources) {
        this.route = route;
        this.withoutRoute = withoutRoute;
        this.servletUpgrade = servletUpgrade;
        this.log = log;
        this.resources = resources;
    }

    /**
     * @param container the application's Ferry container; null for upgrades that are not Ferry
     *                  sessions (tests of the bridge alone)
     * @throws ServletException when the container is one whose servlet upgrade does not work and
     *                          its own route is out of reach (Ferry inside a WAR on Jetty, where
     *                          Jetty's core cannot be reached): the message says how to install Ferry
     */
    static ContainerRoutes detect(ServletContext context, FerryServerContainer container) throws ServletException {
        RouteLog log = new RouteLog(describe(context));
        ContainerRoute route = JettySupport.detect(context, container);
        String withoutRoute = "no faster route in this container";
        ServletUpgradeProfile servletUpgrade = ServletUpgradeProfile.AS_IS;
        AutoCloseable resources = () -> { };
        if (route == null && TomcatSupport.inTomcat(context)) {
            if (container == null || !container.directIo()) {
                withoutRoute = "dev.ferry.directIo=false";
            } else {
                route = TomcatSupport.detect(container, log);
                withoutRoute = "direct I/O on Tomcat NIO is unavailable";
            }
        } else if (UndertowSupport.inUndertow(context)) {
            OwnCallbackThreads ownThreads = new OwnCallbackThreads(
                    container == null ? "/" : container.applicationName(), context.getClassLoader());
            resources = ownThreads;
            servletUpgrade = UndertowSupport.detect(context, log, ownThreads);
        }
        log.started(context.getServerInfo(), route == null
                ? "every connection takes the servlet upgrade (" + withoutRoute + ")" + servletUpgrade.description()
                : route.description());
        return new ContainerRoutes(route, withoutRoute, servletUpgrade, log, resources);
    }

    /** How connections that take the servlet upgrade take it in this container. */
    ServletUpgradeProfile servletUpgrade() {
        return servletUpgrade;
    }

    /** Ends what the routes started (threads of Ferry's own); at the application's stop, after Ferry's shutdown. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            System.getLogger(ContainerRoutes.class.getName()).log(System.Logger.Level.WARNING,
                    "Ferry WebSocket, " + log.application() + ": releasing the routes' threads failed", e);
        }
    }

    /** @return the container's own route, or null when every connection takes the servlet upgrade */
    ContainerRoute route() {
        return route;
    }

    /** Why there is no container route (for the log), when {@link #route()} is null. */
    String withoutRoute() {
        return withoutRoute;
    }

    RouteLog log() {
        return log;
    }

    static String describe(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "the root web application" : "web application " + path;
    }
}
