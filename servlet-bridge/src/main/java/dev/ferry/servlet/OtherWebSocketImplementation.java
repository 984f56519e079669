package dev.ferry.servlet;

import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.server.ServerContainer;

/**
 * Deals with another WebSocket implementation that started for the same web application: Tomcat's
 * own, when Ferry is inside a WAR on a Tomcat that keeps {@code lib/tomcat-websocket.jar} (a team
 * that cannot change the server cannot remove it). Both initializers run; only one may serve.
 *
 * <p>In Tomcat, Ferry switches Tomcat's implementation off for this application and serves its
 * endpoints itself, with a warning that says how to keep Tomcat's from starting at all. Anywhere
 * else (another implementation, or a second copy of Ferry), or when Tomcat's context is out of
 * reach, the deployment fails with the fix: two implementations answering the same handshakes
 * would leave it to chance which one serves.
 */
final class OtherWebSocketImplementation {

    private static final System.Logger LOG = System.getLogger(OtherWebSocketImplementation.class.getName());

    /** Escaped as Tomcat reads it: containerSciFilter is a regular expression. */
    static final String TOMCAT_FIX = "add META-INF/context.xml to the WAR with <Context containerSciFilter=\""
            + "org\\.apache\\.tomcat\\.websocket\\.server\\.WsSci\"/> (this keeps Tomcat's WebSocket from starting "
            + "for this application), or remove lib/tomcat-websocket.jar from Tomcat";

    private OtherWebSocketImplementation() {
    }

    /**
     * Makes sure that Ferry alone serves WebSocket for {@code context}: called before Ferry
     * publishes its container, and again once every initializer has run (an implementation whose
     * initializer ran after Ferry's has replaced Ferry's container by then).
     *
     * @throws ServletException when another implementation is active and cannot be switched off
     */
    static void switchOff(ServletContext context, String application) throws ServletException {
        Object published = context.getAttribute(ServerContainer.class.getName());
        if (published == null || published instanceof FerryServerContainer) {
            return;
        }
        String type = published.getClass().getName();
        if (type.equals(FerryServerContainer.class.getName())) {
            // Another copy of Ferry, from another class loader: which one's filter serves would be chance.
            throw new ServletException("Ferry WebSocket is installed twice for " + application + ": in the server and "
                    + "in the WAR's WEB-INF/lib. Remove one of them: the jar in WEB-INF/lib, or Ferry's installation "
                    + "in the server.");
        }
        if (type.equals(dev.ferry.servlet.tomcat.TomcatOwnWebSocket.SERVER_CONTAINER) && TomcatSupport.inTomcat(context)) {
            switchOffTomcats(context, application);
            return;
        }
        throw new ServletException("Another WebSocket implementation (" + type + ") also started for " + application
                + ", and Ferry cannot switch it off. Keep only one: in Jetty, disable Jetty's WebSocket modules "
                + "(java -jar $JETTY_HOME/start.jar --list-config lists them; e.g. ee10-websocket-jakarta); "
                + "elsewhere remove the server's own WebSocket implementation, or Ferry.");
    }

    private static void switchOffTomcats(ServletContext context, String application) throws ServletException {
        try {
            dev.ferry.servlet.tomcat.TomcatOwnWebSocket.switchOff(context);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ServletException("Tomcat's own WebSocket implementation (lib/tomcat-websocket.jar) also started "
                    + "for " + application + ", and Ferry cannot switch it off in this Tomcat (" + e + "). To let Ferry "
                    + "serve the application, " + TOMCAT_FIX + ".", e);
        }
        LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket, " + application + ": Tomcat's own WebSocket "
                + "implementation (lib/tomcat-websocket.jar) started for this application too; Ferry, inside the WAR, "
                + "serves its endpoints and has switched Tomcat's WebSocket filter off for it. To keep Tomcat's "
                + "implementation from starting at all, " + TOMCAT_FIX + ".");
    }
}
