package dev.ferry.servlet.route;

/**
 * The way one accepted handshake's connection went, as the log names it: a container's own route
 * (e.g. "direct I/O on Tomcat NIO", "Jetty end-point route"), or the portable servlet upgrade
 * together with the reason the faster route did not apply to this connection (e.g. a TLS
 * connection).
 *
 * <p>In a package of its own, below both the bridge ({@code dev.ferry.servlet}) and the
 * container-specific routes ({@code dev.ferry.servlet.tomcat}, {@code dev.ferry.servlet.jetty}),
 * which return it: the bridge uses them, so they must not use the bridge. Public, since in Jetty
 * the routes may be loaded by another class loader (see {@code dev.ferry.servlet.JettyCoreLoader}).
 *
 * @param name     what the log calls the route
 * @param upgraded true when the container route took the connection over; false when the
 *                 servlet upgrade must carry it
 */
public record UpgradeRoute(String name, boolean upgraded) {

    /** The container-specific route {@code name} took the connection. */
    public static UpgradeRoute taken(String name) {
        return new UpgradeRoute(name, true);
    }

    /** The container-specific route does not apply to this connection, for {@code reason}: the servlet upgrade does. */
    public static UpgradeRoute servletUpgrade(String reason) {
        return new UpgradeRoute("servlet upgrade (" + reason + ")", false);
    }
}
