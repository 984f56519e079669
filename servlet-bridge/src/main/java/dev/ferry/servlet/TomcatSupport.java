package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerContainer;

/**
 * Decides whether an upgrade goes through Tomcat's internal upgrade API, so that Ferry reads and
 * writes the socket itself (see {@code dev.ferry.servlet.tomcat.TomcatUpgrade}). Touches no
 * Tomcat class itself, so it loads in every container.
 */
final class TomcatSupport {

    /** Whether Tomcat's connector classes are visible to the bridge (fixed for the class loader's life). */
    private static final boolean TOMCAT_VISIBLE = tomcatVisible();

    private TomcatSupport() {
    }

    /**
     * @return true when Tomcat will hand the connection to Ferry once the 101 is written; false
     *         when the servlet upgrade must be used (not Tomcat, TLS, not the NIO connector, or
     *         {@code dev.ferry.directIo} is off)
     */
    static boolean upgrade(HttpServletRequest request, PendingSession session) {
        if (!TOMCAT_VISIBLE || request.isSecure() || !isTomcatRequest(request)) {
            return false;
        }
        Object container = request.getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(container instanceof FerryServerContainer ferry) || !ferry.directIo()) {
            return false;
        }
        return dev.ferry.servlet.tomcat.TomcatUpgrade.upgrade(request, session, ferry);
    }

    private static boolean isTomcatRequest(HttpServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return r.getClass().getName().equals("org.apache.catalina.connector.RequestFacade");
    }

    private static boolean tomcatVisible() {
        try {
            ClassLoader loader = TomcatSupport.class.getClassLoader();
            Class.forName("org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler", false, loader);
            Class.forName("org.apache.coyote.http11.Http11NioProtocol", false, loader);
            Class.forName("org.apache.catalina.connector.RequestFacade", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
