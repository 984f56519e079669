package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerContainer;

/**
 * Decides whether an upgrade goes through Jetty's core API instead of the servlet upgrade (see
 * {@code dev.ferry.servlet.jetty.JettyUpgrade} for why). Touches no Jetty class itself, so it
 * loads in every container.
 */
final class JettySupport {

    /** Whether Jetty's core classes are visible to the bridge (fixed for the class loader's life). */
    private static final boolean JETTY_CORE_VISIBLE = jettyCoreVisible();

    private JettySupport() {
    }

    /** @return true when Jetty will hand the connection to Ferry once the 101 is written */
    static boolean prepareUpgrade(HttpServletRequest request, PendingSession session) {
        if (!JETTY_CORE_VISIBLE || !isJettyRequest(request)) {
            return false;
        }
        Object container = request.getServletContext().getAttribute(ServerContainer.class.getName());
        return dev.ferry.servlet.jetty.JettyUpgrade.prepare(request, session,
                container instanceof FerryServerContainer ferry ? ferry : null);
    }

    private static boolean isJettyRequest(HttpServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return r.getClass().getName().startsWith("org.eclipse.jetty.");
    }

    private static boolean jettyCoreVisible() {
        try {
            ClassLoader loader = JettySupport.class.getClassLoader();
            Class.forName("org.eclipse.jetty.server.HttpStream", false, loader);
            Class.forName("org.eclipse.jetty.io.AbstractConnection", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
