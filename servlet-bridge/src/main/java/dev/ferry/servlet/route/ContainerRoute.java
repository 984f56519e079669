package dev.ferry.servlet.route;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A container's own, faster way to take an upgraded connection over (Tomcat's internal upgrade,
 * Jetty's core connection switch). Found once at the application's start; asked for every
 * accepted handshake, after the 101's status and headers are set.
 *
 * <p>In this package and public for the same reasons as {@link UpgradeRoute}.
 */
public interface ContainerRoute {

    /**
     * Takes {@code session}'s connection over when this route applies to {@code request}.
     *
     * @return the route taken, or {@link UpgradeRoute#servletUpgrade} saying why the servlet upgrade
     *         must carry it
     */
    UpgradeRoute upgrade(HttpServletRequest request, PendingSession session);

    /** The route's name in the log, e.g. "direct I/O on Tomcat NIO". */
    String name();

    /** What the log says at the application's start: which connections this route takes, and how. */
    String description();

    /**
     * @return false when the container's servlet upgrade is known not to work (Jetty 12: it loses
     *         the input of a GET upgrade), so that a failure of this route must refuse the
     *         handshake rather than fall back to it
     */
    boolean servletUpgradeWorks();
}
